"""Evaluate a description against a rulebook: a graph of facts, derived values and rules."""
