"""The explainer's pure core: load and validate data/, render it to Markdown.

Nothing in this package imports MkDocs except `mkdocs_hooks`, the thin adapter MkDocs loads.
"""
