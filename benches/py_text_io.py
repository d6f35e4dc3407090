# Text I/O: write ~4 MB of lines through TextIOWrapper, read them back by iteration,
# readline, read(n), with tell/seek. Over BytesIO until FileIO/open are complete, so both
# interpreters measure the text layer.
import _io

lines = ["line %d: the quick brown fox jumps over the lazy dog \u00e9\n" % i for i in range(60_000)]
total = 0
for rounds in range(2):
    raw = _io.BytesIO()
    t = _io.TextIOWrapper(raw, encoding="utf-8")
    for line in lines:
        t.write(line)
    t.flush()
    t.seek(0)
    for line in t:
        total += len(line)
    t.seek(0)
    while True:
        pos = t.tell()
        line = t.readline()
        if not line:
            break
        total += len(line)
    t.seek(pos)
    t.seek(0)
    while True:
        chunk = t.read(1000)
        if not chunk:
            break
        total += len(chunk)
print(total)
