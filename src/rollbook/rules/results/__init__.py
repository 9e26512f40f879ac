"""KS4 (GCSE) results: subjects, qualifications, point scores and the DfE's headline measures.

Pure Python, no Django and no Ibis. The rules are set out, with their sources and our decisions, in
docs/ks4-measures.md.
"""
