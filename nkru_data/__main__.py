"""``python -m nkru_data`` runs the command line."""

from nkru_data.cli import main

main()
