# BytesIO.getbuffer(): a writable view of the buffer; while it exists the buffer cannot be
# resized or closed (BufferError); pickle uses it for framing.
import io, pickle

b = io.BytesIO(b"hello world")
v = b.getbuffer()
print(type(v).__name__, len(v), bytes(v[:5]), v.readonly, v.format, v.nbytes)
v[0:5] = b"HELLO"
print(b.getvalue())
for name, call in [("write", lambda: b.write(b"x")), ("truncate", lambda: b.truncate(2)),
                   ("close", b.close), ("setstate", lambda: b.__setstate__((b"ab", 0, None))),
                   ("writelines", lambda: b.writelines([b"a"]))]:
    try:
        call()
        print(name, "ok")
    except Exception as e:
        print(name, type(e).__name__, e)
print(b.read(), b.seek(0), b.read(5))
v.release()
print(b.write(b"!"), b.getvalue())
w1 = b.getbuffer(); w2 = b.getbuffer()
w1.release()
try:
    b.write(b"y")
except BufferError as e:
    print("one view left:", e)
w2.release()
b.write(b"y")
with b.getbuffer() as m:
    print(bytes(m))
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print("closed:", e)
e = io.BytesIO()
print(len(e.getbuffer()), bytes(e.getbuffer()))
data = {"a": [1, 2.5, (3, "x")], "b": b"bytes" * 100, "c": set(range(5))}
print(pickle.loads(pickle.dumps(data)) == data, pickle.loads(pickle.dumps(data, protocol=5)) == data)
