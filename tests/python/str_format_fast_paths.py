# The fast paths of str repr and int formatting (capispeed session 8): ASCII text without
# escapes is quoted in place, ints below 2**60 format in decimal without the big-int
# conversion, format errors name the type (long and non-ASCII type names included).
samples = ["", "a", "spam", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there",
           "nl\n", "del\x7f", "\x00", "caf\u00e9", "\u20ac", "x" * 100, "'" * 3, '"']
for s in samples:
    print(repr(s), ascii(s), "{!r}".format(s), f"{s!r}")

values = [0, 1, -1, 42, -42, 2**30 - 1, 2**30, 2**60 - 1, 2**60, -(2**60), 2**64, -(2**64) + 1,
          10**30, True, False]
specs = ["", ">5", "<7", "^9", "=+8", "+", " ", "-", ",", "_", "08", "x", "#x", "o", "b", "d",
         "n", "c", "e", ".3f", "%", "020,", "#_b", "z"]
for v in values:
    row = []
    for spec in specs:
        try:
            row.append(format(v, spec))
        except (ValueError, OverflowError, TypeError) as e:
            row.append(f"{type(e).__name__}: {e}")
    print(v, row)

print("{} and {:>5} or {!r}".format("spam", 42, "eggs"))
print("{0:{1}}|{0:>{2}}".format(-7, "+", 6))

for cls in (int, bool):
    for spec in ["Z", "=s", ",x"]:
        try:
            print(format(cls(5), spec))
        except ValueError as e:
            print(cls.__name__, e)
for bad in [(1.5, "Z"), ("s", "d"), (1j, "Z")]:
    try:
        format(*bad)
    except ValueError as e:
        print(e)
# Messages name a float subclass by its own name, cut at 200 bytes.
for name in ("Réel", "N" * 230):
    try:
        format(type(name, (float,), {})(1.5), "Z")
    except ValueError as e:
        print(len(str(e)), str(e)[-40:])
