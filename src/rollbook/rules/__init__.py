"""Domain rules: attendance codes, measures, calendars. Plain Python with no Django import."""
