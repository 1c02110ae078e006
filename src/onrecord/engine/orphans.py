"""No orphans: a worker process exits when the process that started it dies.

A worker blocked on its task pipe would otherwise outlive a main process killed with SIGKILL
or SIGTERM (reparented to init, holding a pipeline's memory). Two standard means, both set up
by :func:`die_with_parent`, the worker pool's initializer:

- on Linux, the parent-death signal (``prctl(PR_SET_PDEATHSIG, SIGTERM)``): the kernel sends
  the worker SIGTERM the moment its parent exits, whatever the cause;
- everywhere, a daemon thread that watches the parent's pid and ends the worker when it is
  gone (checked every :data:`WATCH_SECONDS`): a fallback where prctl is missing, and a guard
  for the moment between the fork and the prctl call.

The pool's worker processes are started by the thread that submits work, which lives as long
as the main process, so the parent-death signal fires only when the process dies.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0


def set_parent_death_signal(signum: int = signal.SIGTERM) -> bool:
    """Ask Linux to send ``signum`` to this process when its parent dies; False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _parent_gone(parent_pid: int) -> bool:
    return os.getppid() != parent_pid


def watch_parent(parent_pid: int, interval: float = WATCH_SECONDS) -> threading.Thread:
    """Start a daemon thread that ends this process once ``parent_pid`` is no longer its
    parent (it died, and this process was reparented)."""

    def watch() -> None:
        while not _parent_gone(parent_pid):
            time.sleep(interval)
        os._exit(1)

    thread = threading.Thread(target=watch, name="onrecord-parent-watch", daemon=True)
    thread.start()
    return thread


def die_with_parent(parent_pid: int) -> None:
    """Make this worker process exit when ``parent_pid`` (the process that started it) dies.

    SIGINT is ignored: Ctrl-C is the main process's to handle (it stops the run cleanly and
    shuts the pool down), so the workers do not print tracebacks of their own. SIGTERM gets
    its default action back, whatever handler a forked worker inherited: it ends the worker.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    set_parent_death_signal(signal.SIGTERM)
    if _parent_gone(parent_pid):  # it died before the signal was set up
        os._exit(1)
    watch_parent(parent_pid)


__all__ = ["die_with_parent", "set_parent_death_signal", "watch_parent"]
