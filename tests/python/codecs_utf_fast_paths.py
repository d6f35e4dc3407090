# UTF-8 decode (measure + validating writer) and UTF-16/32 encode (no-surrogate fast path)
# against every str kind, run lengths around the 8-unit steps, and the error paths.
samples = ["", "a", "abcdefgh", "abcdefghi", "é", "caf\xe9 au lait", "\u20ac" * 9,
           "x" * 7 + "\u20ac" + "y" * 9, "\U0001F600", "hello caf\xe9 \u20ac10 \U0001F600 world " * 5,
           "\xff" * 17, "\u0100abcdefgh", "a\U0010FFFFb" * 3]
for s in samples:
    b = s.encode("utf-8")
    for cut in range(0, min(len(b), 20) + 1):
        assert b[cut:].decode("utf-8", "replace") == b[cut:].decode("utf-8", "replace")
    assert b.decode("utf-8") == s
    for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
        e = s.encode(enc)
        assert e.decode(enc) == s
    print(len(s), s.encode("utf-16-le").hex()[:40], s.encode("utf-32-be").hex()[:40], len(s.encode("utf-16")))

# Lone surrogates take the error handlers.
for s in ["a\ud800b", "\udc80" * 9, "x" * 9 + "\ud83d"]:
    for enc in ("utf-16-le", "utf-32", "utf-8"):
        for errors in ("replace", "ignore", "surrogatepass", "backslashreplace"):
            try:
                print(enc, errors, s.encode(enc, errors).hex())
            except UnicodeEncodeError as e:
                print(enc, errors, "UnicodeEncodeError", e.start, e.end, e.reason)
        try:
            s.encode(enc)
        except UnicodeEncodeError as e:
            print(enc, "strict:", e)

# Bad UTF-8 at every position of a word-long run, with each reason.
for bad in [b"\xff", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xe0\x80", b"\xed\xa0\x80", b"\xf4\x90", b"\xc0\xaf"]:
    for pre in (0, 3, 8, 9):
        data = b"a" * pre + bad + b"tail-bytes"
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            print(pre, bad.hex(), e.start, e.end, e.reason)
        print(repr(data.decode("utf-8", "replace")), repr(data.decode("utf-8", "surrogateescape")))
        print(repr((b"a" * pre + bad).decode("utf-8", "ignore")))
import codecs
d = codecs.getincrementaldecoder("utf-8")()
print(repr(d.decode(b"ab\xe2\x82")), repr(d.decode(b"\xac!", final=True)))
