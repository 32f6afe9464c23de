"""One module per document kind: each builds a format-neutral document (``shared.document``)."""
