# TextIOWrapper.write checks that its buffer is open before each write: through the raw
# FileIO directly when the layers are the builtin ones, through `buffer.closed` otherwise
# (subclasses may override it). Closing any layer below makes writes fail.
import io, os, tempfile

path = os.path.join(tempfile.mkdtemp(), "t.txt")

def attempt(label, f, text="x\n"):
    try:
        print(label, f.write(text))
    except ValueError as e:
        print(label, "ValueError", e)

f = open(path, "w")
attempt("open", f)
f.buffer.raw.close()
attempt("raw closed", f)
try:
    f.close()
except ValueError as e:
    print("close", e)

f = open(path, "w")
f.buffer.close()
attempt("buffer closed", f)

class Buf(io.BufferedWriter):
    flips = 0
    @property
    def closed(self):
        Buf.flips += 1
        return Buf.flips > 2
raw = io.FileIO(path, "w")
f = io.TextIOWrapper(Buf(raw), encoding="utf-8")
for i in range(3):
    attempt(f"subclass {i}", f)
print("flips", Buf.flips > 2)

class Raw(io.FileIO):
    pass
f = io.TextIOWrapper(io.BufferedWriter(Raw(path, "w")), encoding="utf-8")
attempt("raw subclass", f, "héllo\n")
f.buffer.raw.close()
attempt("raw subclass closed", f)

f = open(path, "w", encoding="utf-8")
f.write("a" * 10000)
b = f.detach()
attempt("detached", f) if False else None
try:
    f.write("x")
except ValueError as e:
    print("detached", e)
b.close()
print(os.path.getsize(path))
with open(path, "w") as f:
    for i in range(3000):
        print(i, "é", sep="|", file=f)
with open(path, encoding="utf-8") as f:
    data = f.read()
print(len(data), data[-12:].split())
os.unlink(path)
