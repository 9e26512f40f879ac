"""The attendance reports, one module each; each module's `REPORT` declares it (see `reports.base`)."""
