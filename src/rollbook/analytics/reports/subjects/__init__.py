"""The curriculum reports: subject entries, subject attainment and value added, and the relative difficulty
of subjects; one module each, each module's `REPORT` declares it (`reports.base`)."""
