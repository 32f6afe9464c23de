"""Reports rendered from assessments: gap analysis, Article 22 draft, ratification options,
walk-through, comparative assessment.

A report is made in two steps, and the folders follow them:

``kinds/``
    One module per document kind (the ``--kind`` of ``c102 report``, and ``comparative`` for
    ``c102 compare``): it turns assessments into a format-neutral document of display strings.
    ``gap``, ``article22`` (with ``article22_form``: points I and III-VI and the internal annex),
    ``options``, ``walkthrough``, ``comparative``.
``shared/``
    The pieces several kinds use, each in one place: ``document`` (the blocks: paragraph, bullets,
    table, chart), ``display`` (a value as text: numbers, citations, verdict labels, the change
    needed), ``country`` (what every report repeats about the country: name, date, choices and
    answers, receipt, national provisions), ``charts`` (a chart as data and its drawing),
    ``figures`` (one country's charts), ``evidence`` (Article 76 statistics), ``ssi`` (the Social
    Security Inquiry table).
``writers/``
    One module per output format: ``markup`` (Markdown and HTML through ``templates/``), ``docx``
    (through ``templates/reference.docx``), ``pdf`` (WeasyPrint from the HTML), ``workbook``
    (xlsx), ``jsonout``; ``graph_dot`` draws the evaluator graph for ``c102 graph``.

``output`` ties them together: ``render_report(assessment, kind, fmt)`` picks the kind's module,
then the writer; ``output_set`` and ``atomic`` put the files on disk; ``pipeline`` reads the
descriptions the report commands are given. The formats therefore carry the same content.
"""
