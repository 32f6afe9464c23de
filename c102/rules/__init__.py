"""The rulebook: an instrument's requirements as declarative YAML, loaded and schema-checked."""
