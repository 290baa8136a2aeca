"""Ctrl-C and SIGTERM end a run alike: as an exception in the main thread, so every `finally` runs."""

import signal
from contextlib import contextmanager
from typing import Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived inside stopped_by_signals(); the message is the signal's name."""


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    def handler(signum, frame) -> None:
        for number in SIGNALS:
            signal.signal(number, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        raise Interrupted(signal.Signals(signum).name)

    previous = {number: signal.signal(number, handler) for number in SIGNALS}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
