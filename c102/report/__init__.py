"""Reports rendered from an Assessment: gap analysis, comparative assessment, Article 22 draft, walk-through.

Every report is built in two steps: a *view* (``c102.report.gap``, ``article22``, ``walkthrough``,
``comparative``) turns assessments into a format-neutral document of display strings, then a
*writer* (``c102.report.render`` for Markdown and HTML templates, ``c102.report.docx_writer`` for
DOCX) lays it out. The three formats therefore carry the same content.
"""
