"""The data model: enumerations, value parsers and column types, the records (pydantic models),
the table registry (``layout``, free of pydantic) and the Table/JSON Schemas derived from them.
Imports :mod:`nkru_data.lang` and :mod:`nkru_data.errors`."""
