"""Charts as Vega-Lite specifications built with Altair, drawn in the browser by a library we serve.

Nothing here knows of Django: a report's module asks for its charts, and the page, a PDF or a test takes the
specification as it is.
"""
