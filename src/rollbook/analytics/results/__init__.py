"""KS4 results worked out from the lake: cohorts, national figures, and a school beside national."""
