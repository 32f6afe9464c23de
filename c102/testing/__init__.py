"""``c102 test``: expectation files that lock a description's verdicts (docs/testing.md)."""
