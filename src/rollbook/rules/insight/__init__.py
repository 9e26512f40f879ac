"""Areas of interest: sentences about a school's figures in the manner of Ofsted's inspection data summary
report (IDSR), each shown only when its rule fires and each saying why.

Pure Python, no Django and no Ibis. The rules are rows of data (sentences.py), set out with their sources
and our decisions in docs/curriculum-and-insight.md.
"""
