"""Serves the chat page: `python app.py [--host H] [--port P] [--corpus DIR] [--index DIR]`.

The same as `qa serve`; builds the index first if it is missing or older than the corpus.
"""

import sys

from qa.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
