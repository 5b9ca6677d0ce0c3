"""The commands of ``nkru-data``, one module per group; importing them registers them."""
