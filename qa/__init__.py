"""Dated-passage QA: answers questions over a folder of documents with dated passages.

The pipeline, one module a step: loading -> chunking -> dating -> embedding -> indexing
-> searching -> showing. `building` runs the first five; `cli` and `web` are thin shells
over the core.
"""

__version__ = "0.1.0"
