"""Views: records presented in one language (``cards``), taking the dataset through the
:class:`~nkru_data.views.lookup.Lookup` protocol. Imports the store and below, never the dataset."""
