"""Executes a notebook on a Jupyter kernel for `livinglab notebook run`.

Usage: execute_notebook.py <notebook> <executed copy> <working folder> <kernel> <timeout seconds, 0 = none>

Stops at the first failing cell, writes the executed copy (every output up to and including
the failing cell) and prints one JSON line: {"outcome": "completed" | "failed" | ..., "cell": index}.
"""

import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def main() -> None:
    source, target, cwd, kernel, timeout = sys.argv[1:6]
    notebook = nbformat.read(source, as_version=4)
    report: dict = {"outcome": "completed"}

    def on_cell_error(cell, cell_index, execute_reply):  # noqa: ARG001 (nbclient's hook signature)
        report.setdefault("cell", cell_index)

    def on_cell_start(cell, cell_index):  # noqa: ARG001
        report["last_cell"] = cell_index

    client = NotebookClient(
        notebook,
        kernel_name=kernel,
        timeout=int(timeout) or None,
        resources={"metadata": {"path": cwd}},
        on_cell_error=on_cell_error,
        on_cell_start=on_cell_start,
    )
    try:
        client.execute()
    except CellExecutionError:
        report["outcome"] = "failed"
    except CellTimeoutError:
        report["outcome"] = "timeout"
        report.setdefault("cell", report.get("last_cell"))
    except DeadKernelError:
        report["outcome"] = "kernel_died"
        report.setdefault("cell", report.get("last_cell"))
    nbformat.write(notebook, target)
    report.pop("last_cell", None)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
