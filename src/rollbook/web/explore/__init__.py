"""Public school data for every signed-in user: an area's schools as a table, scatterplot and map, trends,
outcomes by Ofsted rating and Schools Like Yours families; and the operator's import of the data."""
