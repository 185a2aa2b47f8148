"""The exceptions the core raises. The CLI and the page turn each into a one-line message."""


class QAError(Exception):
    """A problem the user can fix; the message says what to do."""


class CorpusError(QAError):
    """The corpus folder is missing, empty or unreadable."""


class BadIndexError(QAError):
    """The index is missing, damaged, or does not match this run."""


class QuestionError(QAError):
    """A question that cannot be asked (empty, say)."""


class IndexBusyError(QAError):
    """Another build holds the index's lock."""


class IndexWriteError(QAError):
    """The index folder can't be written (full disk, read-only, over a file-size limit)."""
