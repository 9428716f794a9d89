"""What the property-based (hypothesis) tests of the public edges share: strategies and log checks."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any, Iterator

from hypothesis import strategies as st

from bot.edges.button_keys import PREFIX

TYPED_COMMANDS = [
    "/crisis",
    "/request_human",
    '/inform{"country": "anything at all"}',
    '/inform{"age": "12"}',
    "/restart",
    "/back",
    "/session_start",
    "/greet",
    '/change_language{"language": "ko"}',
    " /crisis",
    "\t/delete_my_data",
    "/start",
    "/start@relais_test_bot",
    "/help",
    "/language",
    "/delete",
]
ODD = [
    "\x00",
    "\ud800",
    "\udfff",
    "a\x00b",
    "\ud83d",
    "\u2060/crisis",
    "\u2063",
    PREFIX,
    PREFIX + "L2NyaXNpcw.AAAA",
    "|",
]

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=40),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=4,
)
person_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(TYPED_COMMANDS + ODD),
    st.builds(lambda a, b: a + b, st.sampled_from(["/", " /", "//", PREFIX, "#", "\x00/"]), st.text(max_size=60)),
)


def unreadable(text: str) -> bool:
    return "\x00" in text or any("\ud800" <= c <= "\udfff" for c in text)


class Problems(logging.Handler):
    """Collects every log record at ERROR or above, and any record carrying a traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            self.records.append(record)

    def lines(self) -> list[str]:
        return [self.format(record) for record in self.records]


@contextmanager
def problems_logged() -> Iterator[Problems]:
    handler = Problems()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


def summary(**counts: Any) -> str:
    return ", ".join(f"{key}={value}" for key, value in counts.items())
