"""Validation: the entry point (``validate``), frictionless' structural layer (``structure``),
tables and records (``checks``, ``cells``), references, coverage and labels (``links``), quotes
against archived texts (``evidence``). Problems are :mod:`nkru_data.report`'s."""
