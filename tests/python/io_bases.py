# _io._IOBase/_RawIOBase/_BufferedIOBase/_TextIOBase: methods, errors, Python subclasses, finalizer, BytesIO/StringIO MRO.
import _io
for c in (_io._IOBase,_io._RawIOBase,_io._BufferedIOBase,_io._TextIOBase,_io.BytesIO,_io.StringIO):
  print(c.__name__, c.__mro__, c.__dictoffset__ != 0, c.__weakrefoffset__ != 0)
r=_io._RawIOBase()
for m in ['readinto','write']:
  try: print(getattr(r,m)(bytearray(2)))
  except Exception as e: print(m, type(e), e)
b=_io._BufferedIOBase()
for m in ['read','read1','write','readinto']:
  try: print(getattr(b,m)(bytearray(2)))
  except Exception as e: print(m, type(e), e)
try: b.detach()
except Exception as e: print('detach', type(e), e)
t=_io._TextIOBase()
for m in ['read','readline','write','detach']:
  try: print(getattr(t,m)())
  except Exception as e: print(m, type(e), e)
print(t.encoding, t.newlines, t.errors)
i=_io._IOBase()
print(i.__dict__, i.closed); i.close(); print(i.__dict__, i.closed)
for m in ['flush','fileno','seek','tell','truncate','isatty','readable','_checkClosed','_checkReadable','__enter__', 'readline']:
  try: print(getattr(i,m)())
  except Exception as e: print(m, type(e), e)
i=_io._IOBase()
for m in ['fileno','seek','tell','truncate','isatty','readable','_checkClosed','_checkReadable','_checkWritable','_checkSeekable', 'readline','readlines','__next__']:
  try: print(getattr(i,m)())
  except Exception as e: print(m, type(e), e)

class R(_io._RawIOBase):
    def __init__(self, data, chunk=3):
        self.data = data; self.pos = 0; self.chunk = chunk
    def readable(self): return True
    def readinto(self, b):
        n = min(len(b), self.chunk, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos+n]; self.pos += n
        return n
r = R(b"hello\nworld\nlast")
print(r.read(4), r.read(), r.read())
r = R(b"hello\nworld\nlast")
print(list(r))
r = R(b"hello\nworld\nlast")
print(r.readline(), r.readline(3), r.readlines())
r = R(b"a\nbb\nccc\ndddd\n")
print(r.readlines(3))
r = R(b"a\nbb\nccc\ndddd\n")
print(r.readlines(4))
print(r._checkReadable())
class B(_io._BufferedIOBase):
    def __init__(self): self.d = b"0123456789"
    def read(self, n=-1):
        r, self.d = self.d[:n], self.d[n:]; return r
    def peek(self, n=0): return self.d[:1]
b = B(); ba = bytearray(4); print(b.readinto(ba), ba, b.readline())
class Bad(_io._BufferedIOBase):
    def read(self, n=-1): return b"x" * (n + 1)
try: Bad().readinto(bytearray(3))
except ValueError as e: print(e)
class Bad2(_io._BufferedIOBase):
    def read(self, n=-1): return "str"
try: Bad2().readinto(bytearray(3))
except TypeError as e: print(e)
try: Bad2().readline()
except OSError as e: print(e)
try: _io._BufferedIOBase().readinto(b"ro")
except TypeError as e: print(e)
class C(_io._IOBase):
    def close(self):
        print("closing", self.closed); super().close()
c = C(); del c
class D(_io._IOBase):
    def flush(self):
        print("flush"); raise OSError("flush failed")
d = D()
try: d.close()
except OSError as e: print(e, d.closed)
d.close()
with _io.BytesIO(b"x") as f:
    print(f.read(), isinstance(f, _io._BufferedIOBase))
print(f.closed)
s = _io.StringIO("ab\ncd")
print(list(s), isinstance(s, _io._TextIOBase), s.encoding, s.errors)
class Sub(_io.BytesIO): pass
x = Sub(b"q"); x.attr = 5; print(x.attr, x.__dict__, x.read())
import weakref
w = weakref.ref(x); print(w() is x); del x; print(w())
f = _io.BytesIO(); f.a = 1; print(f.__dict__)
class Wr(_io._RawIOBase):
    def __init__(self): self.got = []
    def write(self, b): self.got.append(bytes(b)); return len(b)
w = Wr(); w.writelines([b"a", b"bc"]); print(w.got)
w.close()
try: w.writelines([b"a"])
except ValueError as e: print(e)
try: iter(w)
except ValueError as e: print(e)
class N(_io._RawIOBase):
    def read(self, n=-1): return None
print(N().readall())
class T(_io._IOBase):
    def seek(self, pos, whence=0): return (pos, whence)
print(T().tell())
import gc
class Cyc(_io._IOBase):
    def close(self): print("cyc close"); super().close()
c = Cyc(); c.me = c; del c; gc.collect()
print("end")
