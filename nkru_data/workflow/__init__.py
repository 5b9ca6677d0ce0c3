"""Contributors' and maintainers' tools that write files: regenerated schemas and canonical CSVs
(``generate``), CLDR and reviewed labels (``labels``), machine drafts (``translate``),
record-level diffs (``diff``), releases (``release``)."""
