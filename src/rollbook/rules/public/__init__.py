"""Public school data (DfE performance tables, Ofsted ratings, Schools Like Yours): its fields, the DfE's
column names for them year by year, and how its values are read. Plain Python with no Django or Ibis."""
