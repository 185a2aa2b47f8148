"""The package's imports go one way, down the pipeline: a module imports only modules below it.

    errors, timing                  (a build's seconds per stage: below the steps that measure them)
    languages                       (the words follow-ups refer back with, a table a language: qa/languages/)
    places                          (the country a city lies in: "in Switzerland" read as "in Geneva")
    loaders                         (one reader a kind of document: qa/loaders/)
    loading                         load
    uploading                       (documents added and removed from the page)
    dates                           (dates as text: the helper below chunking, dating, time, showing)
    chunking                        chunk
    dating                          date
    embedding                       embed
    keywords                        (BM25 and the words it indexes)
    tables                          (per-index arrays and sentences)
    deciding                        (whether anything answers: the decline model)
    indexing                        index
    stores                          (where an index is kept: folders, Milvus: qa/stores/)
    building                        build = load -> chunk -> date -> embed -> index
    querytime                       (the time a question names)
    reranking                       (the fitted model that re-orders a follow-up's first passages)
    searching                       search
    conversing                      follow-up questions read in the light of the conversation
    showing, evaluating, timeline,  show, evaluate; the page's timeline and example questions
      suggesting
    workspace                       the run policy: corpus, index, model, build, open, follow
    gate, connections               (the page's request gate; its server's connections bounded)
    web, cli                        the page and the command, thin shells over the core
"""

import ast
from pathlib import Path

from conftest import ROOT

LAYERS = [
    ["errors", "timing"], ["languages"], ["places"], ["loaders"], ["loading"], ["uploading"], ["dates"], ["chunking"], ["dating"], ["embedding"], ["keywords"], ["tables"],
    ["deciding"], ["indexing"], ["stores"], ["building"], ["querytime"], ["reranking"], ["searching"], ["conversing"], ["showing", "evaluating", "timeline", "suggesting"], ["workspace"], ["gate", "connections"],
    ["web"], ["cli"],
]
LEVEL = {name: n for n, layer in enumerate(LAYERS) for name in layer}


def _imports(path: Path, depth: int) -> set[str]:
    """The qa modules a module `depth` packages below qa/ imports (its siblings in a subpackage
    not counted), at its top or inside functions, type-only imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == depth + 1 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == depth + 1:  # from . import reranking
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("qa."):
            found.add(node.module.split(".")[1])
    return found


def _modules():
    """(layer name, file, depth) for every module of the package; a subpackage is one layer."""
    for path in sorted((ROOT / "qa").rglob("*.py")):
        parts = path.relative_to(ROOT / "qa").parts
        if parts == ("__init__.py",):
            continue
        yield (parts[0] if len(parts) > 1 else path.stem), path, len(parts) - 1


def test_every_module_has_a_layer():
    assert {name for name, _, _ in _modules()} == set(LEVEL)


def test_imports_only_go_down():
    upward = []
    for name, path, depth in _modules():
        for imported in _imports(path, depth):
            if LEVEL[imported] >= LEVEL[name]:
                upward.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert upward == []
