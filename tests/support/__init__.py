"""What tests share: the test worlds, builders of pupils, registers and files, and small helpers."""
