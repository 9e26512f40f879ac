"""What tests share: the test worlds, builders of pupils, registers and files, and small helpers.

Imported as `tests.support.<module>` (pytest's pythonpath is the checkout), never by a bare module name.
Where to start:

- worlds: the base world (Alder, Birch, a user for every role) behind the web and browser `world` fixtures
- pupils: the one builder of a pupil's row; registers: marks from a string of codes, written to the lake
- small_world: the analytics tests' hand-checked schools; syncs, sync_fuzz, sync_client: the sync API's
- mis_exports: CTF and CSV files as an MIS writes them; uploads: the import page's; public_files and
  public_world: public data files and stores
"""
