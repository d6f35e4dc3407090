# str results are built in the narrowest kind, so equal strings compare and hash equal:
# replace() removing/replacing the widest characters, and decode(..., 'ignore').
left, right = "ba" * 9, "ba" * 9
for wide in ("\u0102", "\U00010302", "\xe9"):
    for repl in ("d", "", "\u0103"):
        r = (left + wide + right).replace(wide, repl)
        expect = left + repl + right
        print(repr(wide), repr(repl), r == expect, hash(r) == hash(expect), r.isascii(), len(r))
mixed = "a\u0101b\U00010301c"
print(mixed.replace("\U00010301", "x") == "a\u0101bxc", mixed.replace("\U00010301", "").replace("\u0101", "") == "abc")
for seq in [b"\xc2\x41", b"\xe1\x41", b"\xe1\x80\x41", b"\x00\xe0", b"A\xff"]:
    res = seq.decode("utf-8", "replace").replace("\ufffd", "")
    print(seq, res == seq.decode("utf-8", "ignore"), {res: 1}.get(seq.decode("utf-8", "ignore")))


class S(str):
    def __str__(self):
        return "__str__ overridden"


s = S("xxx")
print("%s" % s, "{}".format(s), format(s), f"{s}", "{:>5}".format(s), format(s, "^7"))
