"""Public school data files (DfE performance tables, Ofsted ratings, Schools Like Yours) into the public
store, checked, for one results year at a time. Plain Python, no Django."""

from rollbook.ingest.public.importer import FileSummary, PublicImport, import_public

__all__ = ["FileSummary", "PublicImport", "import_public"]
