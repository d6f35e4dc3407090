# TextIOWrapper.tell/seek cookies (compared with CPython's numbers) over BytesIO.
import _io as io

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

text = "héllo wörld\r\nzweite Zeile €\rthird\nlast ✓"
for enc in ['utf-8', 'latin-1', 'utf-16', 'utf-8-sig', 'cp1252', 'utf-32-le']:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode(enc, 'replace')
    for nl in [None, '', '\n', '\r\n']:
        for chunk in [1, 2, 5, 8192]:
            t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, errors='replace', newline=nl)
            t._CHUNK_SIZE = chunk
            marks = []
            while True:
                pos = t.tell()
                s = t.read(3)
                if not s:
                    break
                marks.append((pos, s))
            # every cookie leads back to the same text
            ok = True
            for pos, s in marks:
                t.seek(pos)
                if t.read(len(s)) != s:
                    ok = False
            lines = []
            t.seek(0)
            while True:
                pos = t.tell()
                line = t.readline()
                if not line:
                    break
                lines.append(pos)
            print(enc, repr(nl), chunk, [p for p, _ in marks][:8], lines, ok)

# seek errors and whence
t = io.TextIOWrapper(io.BytesIO(b'abcdef\nghi\n'), encoding='utf-8')
show("seek cur nonzero", lambda: t.seek(1, 1))
show("seek end nonzero", lambda: t.seek(-1, 2))
show("seek bad whence", lambda: t.seek(0, 3))
show("seek negative", lambda: t.seek(-1))
show("seek float", lambda: t.seek(1.5))
show("seek str", lambda: t.seek('a'))
show("whence float", lambda: t.seek(0, 1.0))
show("seek huge", lambda: t.seek(1 << 200))
print(t.read(2), t.seek(0, 1), t.tell(), t.seek(0, 2), t.read(), t.seek(0), t.read(3))
show("seek no args", lambda: t.seek())

# iteration disables tell
t = io.TextIOWrapper(io.BytesIO(b'a\nb\nc\n'), encoding='utf-8')
print(next(t))
show("tell during next", t.tell)
print(list(t))
print(t.tell())

# not seekable buffer
class NoSeek(io.BytesIO):
    def seekable(self): return False
t = io.TextIOWrapper(NoSeek(b'abc'), encoding='utf-8')
show("noseek tell", t.tell)
show("noseek seek", lambda: t.seek(0))
print(t.read())

# tell after write, write after read
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-8')
t.write('añb\n')
print(t.tell())
t.seek(0)
print(repr(t.read(2)), t.tell())
t.write('Z')
t.flush()
print(b.getvalue())
t.seek(0)
print(repr(t.read()))

# utf-16: no second BOM after seeking to the end, BOM again after seek(0)+truncate
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-16')
t.write('ab')
t.seek(0, 2)
t.write('cd')
t.flush()
print(b.getvalue())
t.seek(0)
t.truncate()
t.write('x')
t.flush()
print(b.getvalue())
# a stream opened on a non-empty buffer at its end: no BOM
b = io.BytesIO('ab'.encode('utf-16'))
b.seek(0, 2)
t = io.TextIOWrapper(b, encoding='utf-16')
t.write('c')
t.flush()
print(b.getvalue())
