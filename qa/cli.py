"""The `qa` command: build the index, ask questions, evaluate, serve the page.

Thin by design: each subcommand parses its arguments, calls the core, and turns a QAError
into one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

from .errors import QAError

DEFAULT_INDEX, DEFAULT_QUERIES = Path("index"), Path("eval/queries.jsonl")
CORPUS_HELP = "corpus folder (default: the one the index was built from, else corpus/)"


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _progress_bar(desc: str):
    """A tqdm bar on stderr, driven as progress(done, total)."""
    from tqdm import tqdm

    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if total == 0:  # nothing to embed: no bar
            return
        if bar is None:
            bar = tqdm(total=total, desc=desc, unit="chunk", file=sys.stderr, leave=False)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return update


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, got {text!r}")
    return int(text)


def _megabytes(text: str) -> float:
    try:
        mb = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of megabytes, got {text!r}") from None
    if not mb > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    if not math.isfinite(mb) or mb > 1e9:  # "inf", "1e400": no file is that big, and bytes must be a number
        raise argparse.ArgumentTypeError(f"must be at most a petabyte (1e9 MB), got {text}")
    return mb


def _workspace(args):
    from .stores import is_milvus
    from .workspace import Workspace

    store = getattr(args, "store", None)
    if store and args.index != DEFAULT_INDEX:
        raise QAError("give --index (a folder) or --store (Milvus), not both")
    if store and not is_milvus(store):
        raise QAError(f"--store {store}: give milvus://HOST:PORT/NAME or a PATH.db file (an index folder is --index)")
    return Workspace.choose(store or args.index, getattr(args, "corpus", None), getattr(args, "model", None))


def _print_report(report, store, as_json: bool = False, verbose: bool = False) -> None:
    """A build's report on stderr: a one-line summary, the files skipped counted by reason (each
    listed with `verbose`); or one JSON object on stdout."""
    if as_json:
        print(json.dumps(report.as_json(store.name), ensure_ascii=False))
        return
    if verbose:
        for path, why in report.skipped:
            print(f"qa: skipped {path}: {why}", file=sys.stderr)
        for line in report.stage_lines():
            print(f"qa: {line}", file=sys.stderr)
    print(report.summary(store.label), file=sys.stderr)
    if report.skipped:
        n = len(report.skipped)
        counts = ", ".join(f"{count} {kind}" for kind, count in report.by_reason().items())
        hint = "" if verbose else " (qa build --verbose lists them)"
        print(f"qa: skipped {n} file{'s' * (n != 1)}: {counts}{hint}", file=sys.stderr)


def _open(ws):
    """The index in force; when the newest build failed its checks and an older one answers, one line says so."""
    index = ws.open()
    if index.problem:
        print(f"qa: {index.problem}", file=sys.stderr)
    return index


def _ensure_built(ws, keep_in_force: bool = False) -> None:
    """Builds the workspace's index when it is missing or stale, saying so on stderr."""
    report = ws.ensure_built(lambda line: print(f"qa: {line}", file=sys.stderr), _progress_bar("embedding"),
                             keep_in_force)
    if report is not None:
        _print_report(report, ws.store)


def cmd_build(args) -> int:
    from .chunking import MAX_CHUNKS
    from .loading import MAX_FILE_MB

    ws = _workspace(args)
    report = ws.build(None if args.json else _progress_bar("embedding"), full=args.full,
                      max_mb=args.max_file_mb or MAX_FILE_MB, max_chunks=args.max_file_chunks or MAX_CHUNKS,
                      device=args.device)
    _print_report(report, ws.store, args.json, args.verbose)
    return 0


def _first_turn(index, embedder, q: str, k: int, retriever: str, use_time: bool):
    """A question asked on its own, read as a conversation's first turn ("right after the summit")."""
    from .conversing import Conversation

    return Conversation().ask(index, embedder, q, k, retriever, use_time)[0]


def cmd_ask(args) -> int:
    from .conversing import Conversation, describe
    from .searching import clean_question
    from .showing import answer_json, listing

    questions = [clean_question(q) for q in args.question]
    ws = _workspace(args)
    index = _open(ws)
    conversation = Conversation()
    for n, q in enumerate(questions):
        if not args.conversation:  # each question on its own, read as a conversation's first
            conversation.clear()
        answer, resolved = conversation.ask(index, ws.embedder, q, args.k, args.retriever, not args.no_time)
        if not args.conversation:
            shown = answer_json(answer, notes=list(resolved.notes) or None) if args.json \
                else listing(answer, notes=describe(resolved))
        else:
            shown = (answer_json(answer, q, list(resolved.notes)) if args.json
                     else listing(answer, q, describe(resolved)))
        print(json.dumps(shown, ensure_ascii=False) if args.json else ("\n" if n else "") + shown)
    return 0


CHAT_HELP = "Ask a question; follow-ups are read in the light of the last answer. /new starts over, /quit ends."


def cmd_chat(args) -> int:
    """An interactive conversation in the terminal, with the same engine as the page."""
    from .conversing import Conversation, describe
    from .errors import QuestionError
    from .showing import listing

    try:
        import readline  # noqa: F401 - line editing and history for input()
    except ImportError:
        pass
    ws = _workspace(args)
    index = _open(ws)
    conversation = Conversation()
    print(CHAT_HELP, file=sys.stderr)
    while True:
        try:
            line = input("? ").strip()
        except EOFError:
            print(file=sys.stderr)
            return 0
        if line in ("/quit", "/exit", "/q"):
            return 0
        if line == "/new":
            conversation.clear()
            print("(a new conversation)", file=sys.stderr)
            continue
        if line in ("/help", "/?") or not line:
            print(CHAT_HELP, file=sys.stderr)
            continue
        try:
            answer, understood = conversation.ask(index, ws.embedder, line, args.k)
        except QuestionError as e:
            print(f"qa: {e}", file=sys.stderr)
            continue
        print(listing(answer, line, describe(understood)) + "\n")


def cmd_eval(args) -> int:
    from .evaluating import load_queries, run

    files = args.queries or [DEFAULT_QUERIES]
    sets = [(path, load_queries(path)) for path in files]
    ws = _workspace(args)
    _ensure_built(ws)
    index, embedder = _open(ws), ws.embedder
    reports = []
    for n, (path, queries) in enumerate(sets):
        args.queries = path
        if args.compare:
            _compare(queries, index, embedder, args)
            continue
        metrics, results = run(queries, lambda q, k: _first_turn(index, embedder, q, k, args.retriever, not args.no_time),
                               args.k, not args.text_only,
                               _converser(index, embedder, args.retriever, not args.no_time, args.k))
        if args.json:
            reports.append({"queries": str(path), "k": args.k, "headings": not args.text_only, "metrics": metrics,
                            "misses": _misses(results, args.k)})
            continue
        print(("\n" if n else "") + _title(queries, index, args))
        _print_metrics(metrics)
        for part, title in (("followups", "follow-up turns, in context"), ("followups_alone", "the same turns asked alone"),
                            ("followups_spelled", "the same turns spelled out by a person")):
            if part in metrics:
                print(f"{title} ({metrics[part]['queries']}):")
                _print_metrics(metrics[part])
    if args.json and reports:  # one object for one file, as before; a list of them for several
        print(json.dumps(reports[0] if len(reports) == 1 else reports, ensure_ascii=False))
    return 0


def _converser(index, embedder, retriever: str, use_time: bool, k: int = 5):
    """A maker of conversations for `run`: each a new `(question, n) -> Answer` keeping its own
    context, in which the person has seen the first k passages of each answer."""
    from .conversing import Conversation

    def new():
        conversation = Conversation(shows=k)
        return lambda q, n: conversation.ask(index, embedder, q, n, retriever, use_time)[0]

    return new


def _print_metrics(metrics: dict) -> None:
    for name, value in metrics.items():
        if name in ("queries", "periods") or isinstance(value, dict):
            continue
        if name.endswith("_ms") or name == "median_top_chars":
            print(f"  {name:<17}{value:8.1f}")
        else:
            print(f"  {name:<17}{'   n/a' if math.isnan(value) else f'{value:8.3f}'}")


COMPARED = [(r, t) for r in ("dense", "bm25", "hybrid") for t in (False, True)]
COLUMNS = ("hit@1", "hit@{k}", "mrr@10", "date@1", "read@1000", "p50_ms")


def _compare(queries, index, embedder, args) -> int:
    """Runs every retriever with and without time on the same queries; prints one table."""
    from .evaluating import run
    from .searching import search

    search(index, embedder, queries[0].q)  # warm up, so the first run's latency is not the model's start
    rows = []
    for retriever, use_time in COMPARED:
        metrics, _ = run(queries, lambda q, n, r=retriever, t=use_time: _first_turn(index, embedder, q, n, r, t),
                         args.k, not args.text_only, _converser(index, embedder, retriever, use_time, args.k))
        metrics = {name: value for name, value in metrics.items() if not isinstance(value, dict)}
        rows.append({"retriever": retriever, "time": use_time, **metrics})
    if args.json:
        print(json.dumps({"k": args.k, "headings": not args.text_only, "runs": rows}, ensure_ascii=False))
        return 0
    columns = [c.format(k=args.k) for c in COLUMNS]
    print(_title(queries, index, args))
    print(f"{'retriever':<14}" + "".join(f"{c:>10}" for c in columns))
    for row in rows:
        name = row["retriever"] + ("+time" if row["time"] else "")
        cells = ["n/a" if math.isnan(row[c]) else f"{row[c]:.1f}" if c.endswith("_ms") else f"{row[c]:.3f}"
                 for c in columns]
        print(f"{name:<14}" + "".join(f"{c:>10}" for c in cells))
    return 0


def _title(queries, index, args) -> str:
    read = "passages' texts only" if args.text_only else "passages read as shown: heading, then text"
    where = args.store or f"{args.index}/"
    talks = [q for q in queries if hasattr(q, "turns")]
    single = len(queries) - len(talks)
    what = ", ".join(filter(None, [
        f"{single} {'query' if single == 1 else 'queries'}" if single or not talks else "",
        f"{len(talks)} conversation{'s' * (len(talks) != 1)} ({sum(len(t.turns) for t in talks)} turns)" if talks else ""]))
    return f"{what} from {args.queries}, index {where} ({index.manifest.chunk_count} chunks); {read}"


def _misses(results, k: int) -> list[dict]:
    return [
        {"q": r.query.q, "rank": r.rank, "top": r.read[0][:200] if r.hits else None}
        for r in results if r.rank is None or r.rank >= k
    ]


def cmd_serve(args) -> int:
    _on_system_allocator()
    from .web import serve

    ws = _workspace(args)
    _ensure_built(ws, keep_in_force=True)  # a page that can't rebuild serves the index it has
    serve(ws, args.host, args.port, args.auth, args.allowed_hosts, args.allow_upload)
    return 0


def _on_system_allocator() -> None:
    """Starts the page over on the system allocator (PYTHONMALLOC=malloc) unless $PYTHONMALLOC is set:
    with Python's own, the memory of expired browser sessions stays with the process (1,000 sessions:
    +70 MB after they expire, against +36 MB; answers take as long)."""
    if os.environ.get("PYTHONMALLOC") or not getattr(sys, "orig_argv", None) or not sys.executable:
        return
    try:
        os.execve(sys.executable, sys.orig_argv, {**os.environ, "PYTHONMALLOC": "malloc"})
    except OSError:
        pass  # served on Python's allocator, as before


def _retrieval_options(p: argparse.ArgumentParser) -> None:
    from .searching import RETRIEVERS

    p.add_argument("--retriever", choices=RETRIEVERS, default="hybrid",
                   help="dense (meaning), bm25 (keywords) or hybrid (both, fused; the default)")
    p.add_argument("--no-time", action="store_true",
                   help="ignore the time the question names (by default passages of that time rank first)")


STORE_HELP = ("keep the index in Milvus instead of a folder: milvus://HOST:PORT/NAME (Milvus standalone or a"
              " cluster; NAME is the collection alias, letters, digits and _) or PATH.db (Milvus Lite, in this"
              " process). Several page processes and machines can share one Milvus index; see the README")


def _where(p: argparse.ArgumentParser) -> None:
    """--index and --store: where the index is kept."""
    p.add_argument("--index", type=Path, default=DEFAULT_INDEX, help="index folder (default: index/)")
    p.add_argument("--store", metavar="URI", help=STORE_HELP)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="qa",
        description="Dated-passage QA: answers questions over a folder of documents with dated passages.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    model_help = ("embedding model: all-MiniLM-L6-v2@onnx-int8 (bundled, int8 ONNX), all-MiniLM-L6-v2 (bundled, PyTorch)"
                  " or a local model folder, with or without @onnx-int8 (default: $QA_MODEL, else the model the"
                  " index was built with, else all-MiniLM-L6-v2@onnx-int8)")

    b = sub.add_parser("build", help="build the index from the corpus", description=(
        "Chunks and dates every document below the corpus folder (text, Markdown, HTML, PDF, Word,"
        " PowerPoint, Excel, OpenDocument, e-mail), embeds the"
        " chunks and writes the index. Only chunks whose text changed are embedded again; edits,"
        " additions, removals and renames are all picked up. The new index replaces the old one in"
        " one atomic step; a build killed part-way leaves the old one in force. Bad files are"
        " skipped with a warning."))
    b.add_argument("--corpus", type=Path, help=CORPUS_HELP)
    _where(b)
    b.add_argument("--model", help=model_help)
    b.add_argument("--full", action="store_true", help="embed every chunk again instead of reusing unchanged ones")
    b.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto", help=(
        "where to embed: a CUDA GPU (float16, large batches), the CPU, or auto: the GPU when there is one"
        " (default). Questions are always answered on the CPU"))
    b.add_argument("--max-file-mb", type=_megabytes, metavar="MB",
                   help="skip files larger than this (default: 20)")
    b.add_argument("--max-file-chunks", type=_positive, metavar="N",
                   help="skip a file that would be cut into more passages than this (default: 5000)")
    b.add_argument("--json", action="store_true",
                   help="print the build's report (counts, every skipped file and why) as one JSON object")
    b.add_argument("--verbose", "-v", action="store_true", help="list every file skipped, with its reason")
    b.set_defaults(func=cmd_build)

    a = sub.add_parser("ask", help="answer questions from the index", description=(
        "Prints the passages that best answer each question, best first, with their dates and sources."))
    a.add_argument("question", nargs="+", metavar="QUESTION", help="one or more questions (quote each)")
    _where(a)
    a.add_argument("-k", type=_positive, default=5, help="passages per question (default: 5)")
    a.add_argument("--json", action="store_true", help="one JSON object per question per line")
    a.add_argument("--model", help="embedding model (default: the one the index was built with)")
    a.add_argument("--conversation", action="store_true", help=(
        "answer the questions in order as one conversation, each in the context of those before"
        " (--json then adds \"notes\": what each follow-up took from the conversation)"))
    _retrieval_options(a)
    a.set_defaults(func=cmd_ask)

    c = sub.add_parser("chat", help="a conversation in the terminal", description=(
        "Asks questions one after another in the terminal; each is read in the light of the answers"
        " before it (\"when did she go there?\"). /new starts a new conversation, /quit or Ctrl-D ends."))
    _where(c)
    c.add_argument("-k", type=_positive, default=5, help="passages per answer (default: 5)")
    c.add_argument("--model", help="embedding model (default: the one the index was built with)")
    c.set_defaults(func=cmd_chat)

    e = sub.add_parser("eval", help="score retrieval on a query file", description=(
        "Runs every query in the file, building the index first if it is missing or older than the"
        " corpus, and prints hit@1, hit@k, MRR@10, date@1, read@300, read@1000 and query latency."
        ' Query file: one JSON object a line, {"q": "...", "gold": ["..."], "date": "2019-11"}.'))
    e.add_argument("--corpus", type=Path, help=CORPUS_HELP)
    _where(e)
    e.add_argument("--queries", type=Path, action="append", help=(
        "query file (default: eval/queries.jsonl); give it again to score several, each apart (a dev and a"
        " test half: --queries eval/honest-dev.jsonl --queries eval/honest-test.jsonl)"))
    e.add_argument("-k", type=_positive, default=5, help="the k of hit@k (default: 5)")
    e.add_argument("--json", action="store_true", help="print the metrics and the missed queries as one JSON object")
    e.add_argument("--model", help=model_help)
    _retrieval_options(e)
    e.add_argument("--text-only", action="store_true", help=(
        "match gold strings and count characters read in passages' texts only; by default a passage is"
        " read as the page and 'qa ask' show it, its heading (if any) and then its text"))
    e.add_argument("--compare", action="store_true", help=(
        "run dense, bm25 and hybrid, each with and without time, on the same queries and print one"
        " table (--retriever and --no-time are then ignored)"))
    e.set_defaults(func=cmd_eval)

    s = sub.add_parser("serve", help="start the chat page (same as python app.py)", description=(
        "Serves the chat page, building the index first if it is missing or older than the corpus."))
    s.add_argument("--corpus", type=Path, help=CORPUS_HELP)
    _where(s)
    s.add_argument("--model", help=model_help)
    s.add_argument("--host", help="address to listen on (default: $GRADIO_SERVER_NAME, else 127.0.0.1)")
    s.add_argument("--port", type=_port, help="port (default: $GRADIO_SERVER_PORT, else 7860)")
    s.add_argument("--auth", metavar="USER:PASSWORD",
                   help="ask for this login before showing the page (default: $QA_AUTH, else no login)")
    s.add_argument("--allow-upload", action="store_true", help=(
        "let people add documents from the page and move them to the trash (needs --auth unless the page"
        " listens on 127.0.0.1 only)"))
    s.add_argument("--allowed-hosts", metavar="NAMES", help=(
        "more host names the page answers to, comma-separated, e.g. qa.example.org (default: $QA_ALLOWED_HOSTS;"
        " the listening address and localhost always; '*' for any)"))
    s.set_defaults(func=cmd_serve)
    p.commands = sub.choices  # a bad flag is reported with its own subcommand's usage
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args, unknown = p.parse_known_args(argv)
    if unknown:  # `qa ask --bogus x`: `qa ask`'s usage, not the top level's
        p.commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return args.func(args)
    except QAError as e:
        print(f"qa: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `qa ask … | head` closed the pipe: stop quietly, as other tools do
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return 1
    except OSError as e:  # a folder or file the core could not read or write, said in one line
        where = f": {e.filename}" if e.filename else ""
        print(f"qa: error: {e.strerror or e}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("qa: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
