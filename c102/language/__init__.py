"""The scheme description language: grammar, reader (.c102, YAML, JSON), checker and formatter.

Modules, one job each:
    syntax      lark grammar loading and the parse into generic blocks, fields and values
    errors      syntax errors turned into curated, positioned diagnostics
    build       generic blocks -> typed model, driven by the dataclasses of ``c102.model``
    dictform    the YAML/JSON form read into the same generic blocks, with positions
    schema      the JSON Schema of the dict form, generated from the dataclasses
    load        ``load_description`` / ``parse_text``: the entry points
    fmt         the canonical text of a model (``c102 fmt``) and its dict form
    semantics   checks that need the whole model: units, references, impossible values
"""
