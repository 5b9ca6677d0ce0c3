"""Languages: scripts and CLDR names (``i18n``), EDTF dates rendered in en/ru/ko (``dates``),
and the vocabulary's words in each language (``terms``). Imports only :mod:`nkru_data.errors`."""
