# code.replace(co_linetable=...): co_positions() and co_lines() read the given CPython 3.11
# location table (short, one-line, no-column, long and no-location entries).
def f():
    pass

co = f.__code__
first = co.co_firstlineno
tables = [
    b"\xf8",                          # one unit, no location
    b"",                              # no entries at all
    b"\x80\x00",                      # short form: same line, columns 0..0
    b"\xd8\x0b\x0c",                  # one-line form: next line, columns 11..12
    b"\xe9\x06",                      # no-column form, 2 units, line +3
    b"\xf1\x04\x01\x04\x08",          # long form: line +2, end +1, columns 3..7, 2 units
    b"\xf0\x03\x00\x00\x00",          # long form without columns, line -1
    b"\x80\x00\xd8\x0b\x0c\x89\x33\xf8\xe8\x05",
]
for t in tables:
    c = co.replace(co_linetable=t)
    print(t, c.co_linetable == t)
    print("  positions", [tuple(None if v is None else v - first if i < 2 else v for i, v in enumerate(p)) for p in c.co_positions()])
    print("  lines", [(s, e, None if l is None else l - first) for s, e, l in c.co_lines()])

# the table survives another replace, and the function still runs
c = co.replace(co_linetable=b"\xd8\x0b\x0c").replace(co_name="g")
print(c.co_name, [p[0] - first for p in c.co_positions()])
f.__code__ = c
print(f())

for bad in [1, "x", bytearray(b"\xf8")]:
    try:
        co.replace(co_linetable=bad)
    except TypeError as e:
        print("TypeError:", e)

# A line of None shows in dis as no line number.
import dis, io
def h():
    pass
h.__code__ = h.__code__.replace(co_linetable=b"\xf8")
out = io.StringIO()
dis.dis(h, file=out)
print([line.split()[:1] for line in out.getvalue().splitlines() if line.strip()][:1])
