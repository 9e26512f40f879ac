"""The KS4 (GCSE) results reports, one module each; each module's `REPORT` declares it (`reports.base`)."""
