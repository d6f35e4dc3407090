# The search's start-position filters and REPEAT_ONE's run loops (sre/char_test.rs): the
# first character a match must begin with (single-character ops, REPEAT_ONE of at least
# one, BRANCH alternatives, behind MARK and AT), `(?m)^` line starts, and the one-test
# sets (category, charset bitmap, range) over str of every kind and bytes.
import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0])
from re_helpers.shim import re

texts = [
    "alpha Beta gamma42 user7@example.com 2024-01-02\nzeta_9 iota THETA  x\n",
    "\u00e9t\u00e9 Caf\u00e9 na\u00efve 12 \u0663\u0664 word\u2028next\n\nend",
    "\U0001f600 emoji \U0001f600x1 \u4e2d\u6587 abc\n",
    "",
    "\n",
    "a",
]
patterns = [
    r"\w+", r"\d+", r"\s+", r"\W+", r"\D+", r"\S+", r"[A-Z][a-z]+", r"[a-f0-9]+",
    r"[^a-z\s]+", r"[,\n]\s*", r"\b\w+@\w+\.com\b", r"(\d{4})-(\d\d)-(\d\d)",
    r"(?i)theta|iota", r"theta|iota|x", r"ab|", r"(?:a|b)?c", r"(\w+) \1",
    r"\w+(?=\d)", r"(?m)^\s*(\w+)", r"(?m)^", r"(?m)^$", r"(?m)$", r"(?s).*?a",
    r".*?a", r"\bx", r"x*", r"(x)+", r"[\u00e9\u4e2d]", r"[\u0100-\uffff]+",
    r"(?a)\w+", r"(?i)[A-Z]+", r"(?:\d|[a-c])+", r"(a|b|c|d|e)", r"\Bam",
    r"(?<=a)\w", r"(?!a)\w\w", r"\n", r"[\n]+", r"e+?", r"(?:ab)+",
]
for p in patterns:
    rx = re.compile(p)
    for t in texts:
        found = rx.findall(t)
        spans = [m.span() for m in rx.finditer(t)]
        first = rx.search(t, 3)
        print(repr(p), repr(t[:8]), found[:6], len(found), spans[:4],
              first.span() if first else None, rx.sub("<>", t)[:40], len(rx.split(t)))

btexts = [b"alpha 12 beta\nGamma_3 x@y.com", b"\xff\xe9 abc \x00 1"]
for p in [rb"\w+", rb"\d+", rb"(?m)^\w", rb"[A-Z][a-z]+", rb"\s+", rb"a|b", rb"[\x80-\xff]+", rb"(?L)\w+"]:
    rx = re.compile(p)
    for t in btexts:
        print(repr(p), rx.findall(t), [m.span() for m in rx.finditer(t)][:3])
