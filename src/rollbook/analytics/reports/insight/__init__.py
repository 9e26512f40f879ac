"""Areas of interest: sentences about a school's figures in the IDSR's manner; each module's `REPORT`
declares it (`reports.base`)."""
