"""The scheme description language: grammar, reader (.c102, YAML, JSON), checker and formatter.

Modules, one job each:
    nodes       the generic blocks, fields and values both readers produce
    syntax      the lark grammar, its lexer and the parse into generic nodes
    errors      syntax errors turned into curated, positioned diagnostics (several per file)
    build       generic nodes -> typed model, driven by the dataclasses of ``c102.model``
    dictform    the YAML/JSON form read into the same generic nodes, with positions
    schema      the JSON Schema of the dict form, generated from the dataclasses
    load        ``load_description`` / ``parse_text``: the entry points
    canonical   the canonical text of a model (``c102 fmt``) and its dict form
    semantics   checks that need the whole model: units, references, impossible values
    diagnose    everything ``c102 check`` reports about one file
"""
