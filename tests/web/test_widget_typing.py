"""The widget's typing signal (widget/src/typing.js), run by Node with a test clock: yes/no only, at most one
"typing" per TYPING_EVERY_MS while the person types, "stopped" when the box empties or the message goes.
What the browser actually sends on the socket is checked in tests/web/test_widget.py."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from bot.settings import ROOT

SCRIPT = """
import { typingSignal, TYPING_EVERY_MS } from "./widget/src/typing.js";
let clock = 0;
const sent = [];
const signal = typingSignal((state) => sent.push(state), () => clock);
const steps = [];
const step = (name) => steps.push([name, sent.splice(0)]);
signal.input(false); step("empty box");
signal.input(true); step("first letter");
for (let i = 0; i < 20; i++) { clock += 10; signal.input(true); } step("more letters at once");
clock += TYPING_EVERY_MS; signal.input(true); step("still typing later");
signal.input(false); step("box emptied");
signal.input(false); step("still empty");
signal.input(true); step("typing again");
signal.stop(); step("sent");
signal.stop(); step("sent again");
console.log(JSON.stringify(steps));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node builds the widget; without it there is no widget")
def test_typing_is_signalled_once_per_interval_and_stopped_once() -> None:
    done = subprocess.run(
        ["node", "--input-type=module", "-e", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [
        ["empty box", []],
        ["first letter", [True]],
        ["more letters at once", []],
        ["still typing later", [True]],
        ["box emptied", [False]],
        ["still empty", []],
        ["typing again", [True]],
        ["sent", [False]],
        ["sent again", []],
    ]
