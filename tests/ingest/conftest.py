"""The ingest tests. Being a conftest's folder puts this one on the import path, so the hand-built files of
builders.py serve the tests in its sub-folders (results/) too."""
