#!/usr/bin/env python3
"""Drives `ferropy`'s interactive prompt through a pseudo-terminal: the banner, `>>>` and
`...` prompts, results echoed with repr and kept in `_`, a traceback that leaves the
session alive, line editing (cursor keys) and history (up arrow), Ctrl-C giving
KeyboardInterrupt, Ctrl-D ending the session with status 0.

    python3 tools/run_repl_tests.py [--ferropy build/bin/ferropy]
"""
import argparse
import os
import pty
import re
import select
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 20
UP, LEFT = "\x1b[A", "\x1b[D"
PAUSE = "\0"  # in typed text: wait half a second (the code starts running)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Session:
    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env)
        self.buf = ""

    def expect(self, pattern):
        """Reads until `pattern` (a compiled regex) matches what arrived since the last match."""
        deadline = time.time() + TIMEOUT
        while True:
            m = pattern.search(self.buf)
            if m:
                seen, self.buf = self.buf[:m.end()], self.buf[m.end():]
                return seen
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {pattern!r}; got {self.buf!r}")
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    data = b""
                if not data:
                    raise AssertionError(f"end of output waiting for {pattern!r}; got {self.buf!r}")
                # The line editor's cursor moves and redraws are not what is checked.
                self.buf += ANSI.sub("", data.decode("utf-8", "replace"))

    def send(self, text):
        for i, part in enumerate(text.split(PAUSE)):
            if i:
                time.sleep(0.5)
            os.write(self.fd, part.encode())

    def wait(self):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            try:
                os.read(self.fd, 4096)
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError("the session did not end")


# (what to type, a regex the output must then show, escape sequences removed)
STEPS = [
    (None, r'Python 3\.11[^\n]*\n[^\n]*"help", "copyright", "credits" or "license"'),
    (None, r">>>"),
    ("1 + 2\r", r"\n3\s*>>>"),
    ("x = 'ab' * 2\r", r">>>"),
    ("x\r", r"'abab'\s*>>>"),
    ("_ + '!'\r", r"'abab!'\s*>>>"),
    ("1/0\r", r"Traceback \(most recent call last\):.*ZeroDivisionError: division by zero\s*>>>"),
    ("def f(n):\r", r"\.\.\."),
    ("    return n * 10\r", r"\.\.\."),
    ("\r", r">>>"),
    ("f(4)\r", r"40\s*>>>"),
    ("(1,\r", r"\.\.\."),
    (" 2)\r", r"\(1, 2\)\s*>>>"),
    (UP * 3 + "\r", r"40\s*>>>"),                        # history: f(4) again (one entry per line)
    ("f(3)" + LEFT * 2 + "1" + "\r", r"\n130\s*>>>"),   # editing: f(13)
    ("input('name? ')\r", r"name\? "),
    ("bob" + LEFT * 3 + "B\r", r"'Bbob'\s*>>>"),              # input() reads through the editor
    ("input()\r", r"\n"),
    (PAUSE + "\x04", r"EOFError: EOF when reading a line\s*>>>"),
    ("import sys; sys.ps1 = 'py> '\r", r"\n\r?py>"),          # the new prompt, not the echo
    (PAUSE + "\x03", r"KeyboardInterrupt\s*py>"),
    ("while True: pass\r", r"\.\.\."),
    ("\r", r"\n"),
    (PAUSE + "\x03", r"Traceback.*KeyboardInterrupt\s*py>"),    # Ctrl-C while code runs
    ("print('done')\r", r"done\s*py>"),
    ("exit\r", r"Use exit\(\) or Ctrl-D \(i\.e\. EOF\) to exit\s*py>"),  # site's builtins
    ("help\r", r"Type help\(\) for interactive help, or help\(object\) for help about object\.\s*py>"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferropy", default=str(ROOT / "build" / "bin" / "ferropy"))
    opts = ap.parse_args()
    env = dict(os.environ, TERM="xterm", PYTHONHASHSEED="0")
    env.pop("PYTHONSTARTUP", None)
    s = Session([os.path.abspath(opts.ferropy)], env)
    passed = 0
    try:
        for typed, pattern in STEPS:
            if typed is not None:
                s.send(typed)
            s.expect(re.compile(pattern, re.S))
            passed += 1
        s.send("\x04")
        status = s.wait()
        if status != 0:
            raise AssertionError(f"Ctrl-D: exit status {status}")
        passed += 1
    except AssertionError as e:
        print(f"FAIL after {passed} steps: {e}")
        try:
            os.kill(s.pid, 9)
        except OSError:
            pass
        return 1
    print(f"repl: {passed}/{len(STEPS) + 1} steps as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
