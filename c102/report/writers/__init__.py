"""One module per output format: each lays out a document (or assessments) as bytes."""
