"""Storage: where the package lives (``resources``), what may be opened (``safety``), raw CSV
reading (``csvfile``), records and canonical CSV text (``tables``), the descriptor
(``descriptor``). Imports the model and below."""
