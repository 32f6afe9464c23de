"""Pieces several document kinds use, each kept in one place (see ``c102.report``)."""
