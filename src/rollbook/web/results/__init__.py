"""Pages of a school's exam results (KS4), drawn from the results report registry."""
