"""Comparators: national, regional, local-authority and similar-school figures, published as snapshots and
set beside a school's own."""
