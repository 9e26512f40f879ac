"""Public school data as Ibis expressions: schools in an area with every measure, the Ofsted table, national
and regional trends, and Schools Like Yours families."""
