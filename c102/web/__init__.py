"""The browser workbench of ``c102 serve``: pages and a JSON API over a set of description files.

``library`` holds the files and their edited drafts, ``views`` turns assessments into what the
pages show, ``pages`` and ``api`` are the Starlette routes, ``guard`` the limits every request
passes through, ``server`` runs it all under uvicorn on 127.0.0.1. Nothing here is imported by
``import c102``: Starlette and uvicorn load only when the workbench is started.
"""
