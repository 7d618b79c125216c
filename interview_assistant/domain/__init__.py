"""The audit as plain data and pure functions: no Textual, no TinyDB, no printing."""
