# _io.BufferedReader/Writer/Random/RWPair over FileIO and Python raws: positions, peek/read1/readinto, errors, BlockingIOError, close chaining, threads.
import _io, os
p = '/tmp/iobuf_%d' % os.getpid()
def t(f):
    try: r = f(); print(repr(r).replace(p, 'P'))
    except Exception as e: print(type(e).__name__, str(e).replace(p, 'P'))
data = b''.join(b'line %d %s\n' % (i, b'x' * (i % 50)) for i in range(2000))
# writer: small writes, big writes, flush, tell
w = _io.BufferedWriter(_io.FileIO(p, 'w'), 64)
print(repr(w).replace(p, 'P'), w.name == p, w.mode, w.closed, w.writable(), w.readable(), w.seekable())
pos = 0
for i in range(0, len(data), 37):
    w.write(data[i:i+37])
print(w.tell(), len(data))
w.write(b'Z' * 1000); print(w.tell())
w.flush(); print(w.raw.tell())
w.seek(0, 2); print(w.tell())
print(w.truncate(len(data)), w.tell())
w.close(); print(w.closed, w.raw.closed)
t(lambda: w.write(b'x')); t(lambda: w.flush()); t(lambda: w.seek(0)); t(w.close)
# reader
r = _io.BufferedReader(_io.FileIO(p), 100)
print(r.read(5), r.peek(1)[:3], r.read1(3), r.tell())
print(r.readline(), r.readline(4), r.readline(0), r.tell())
b = bytearray(10); print(r.readinto(b), b, r.tell())
b = bytearray(300); print(r.readinto1(b), r.tell())
b = bytearray(300); print(r.readinto(b), r.tell())
print(r.seek(3), r.read(4), r.seek(2, 1), r.read(2), r.tell())
print(r.seek(-10, 2), r.read(), r.read(), r.read(5), r.peek(), r.read1(5))
r.seek(0)
lines = list(r); print(len(lines), lines[0], lines[-1], b''.join(lines) == data)
r.seek(0); print(r.readlines(30))
r.seek(0); print(len(r.read()) == len(data), r.tell())
r.seek(0); big = r.read(5000); print(len(big), big == data[:5000], r.tell())
r.seek(1); print(r.read(-1) == data[1:])
print(r.fileno() == r.raw.fileno(), r.isatty(), r.readable(), r.writable(), r.seekable())
t(lambda: r.seek(0, 9)); t(lambda: r.seek(1.5)); t(lambda: r.read(-2)); t(lambda: r.read('a')); t(lambda: r.write(b'x')); t(lambda: r.truncate())
print(r.flush())
raw = r.detach(); print(repr(raw).replace(p, 'P'), repr(r)); t(lambda: r.read()); t(lambda: r.closed); t(lambda: r.tell()); t(lambda: r.detach()); raw.close()
b = _io.BufferedReader.__new__(_io.BufferedReader); t(lambda: b.read()); t(lambda: repr(b)); t(lambda: b.closed)
# random
f = _io.BufferedRandom(_io.FileIO(p, 'r+'), 16)
print(f.read(10), f.tell(), f.write(b'ABCD'), f.tell(), f.read(6), f.tell())
print(f.seek(0), f.read(20))
print(f.seek(5), f.write(b'**'), f.seek(0), f.read(12))
f.seek(0, 2); f.write(b'tail'); print(f.seek(-6, 2), f.read())
f.seek(2); print(f.peek(3)[:3], f.read1(2), f.readline()[:5], f.tell())
print(f.truncate(30), f.tell(), f.seek(0, 2))
f.seek(0); print(f.read())
f.close(); print(f.closed)
t(lambda: f.read()); t(lambda: f.peek()); t(lambda: f.read1()); t(lambda: f.readline()); t(lambda: f.readinto(bytearray(1))); t(lambda: next(f)); t(lambda: f.fileno()); t(lambda: f.tell())
# over BytesIO (generic raw)
class Raw(_io.RawIOBase if hasattr(_io, 'RawIOBase') else _io._RawIOBase):
    def __init__(self, d): self.d = bytearray(d); self.pos = 0; self.calls = 0
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return True
    def readinto(self, b):
        self.calls += 1
        n = min(len(b), len(self.d) - self.pos, 7)
        b[:n] = self.d[self.pos:self.pos+n]; self.pos += n; return n
    def write(self, b):
        n = min(len(b), 5)
        self.d[self.pos:self.pos+n] = bytes(b[:n]); self.pos += n; return n
    def seek(self, pos, whence=0):
        self.pos = [pos, self.pos + pos, len(self.d) + pos][whence]; return self.pos
    def tell(self): return self.pos
rr = Raw(b'0123456789' * 5)
br = _io.BufferedReader(rr, 8)
print(br.read(3), br.read(20), br.readline(), br.tell(), rr.calls, repr(br))
bw = _io.BufferedWriter(Raw(b''), 8)
bw.write(b'hello world, this is long'); bw.write(b'!'); bw.flush(); print(bytes(bw.raw.d))
pair = _io.BufferedRWPair(Raw(b'abc\ndef'), Raw(b''), 4)
print(pair.read(2), pair.peek(1)[:1], pair.read1(1), pair.readinto(bytearray(2)), pair.write(b'xyz'), pair.readable(), pair.writable(), pair.closed, pair.isatty())
pair.flush(); print(bytes(pair.writer.raw.d) if hasattr(pair, 'writer') else 'n/a')
pair.close(); print(pair.closed)
t(lambda: _io.BufferedRWPair(Raw(b''), Raw(b''), x=1))
t(lambda: _io.BufferedReader(_io.FileIO(p), 0))
t(lambda: _io.BufferedReader(_io.FileIO(p, 'a')))
t(lambda: _io.BufferedWriter(_io.FileIO(p, 'r')))
t(lambda: _io.BufferedRandom(_io.FileIO(p, 'r')))
class Bad(Raw):
    def readinto(self, b): return len(b) + 5
t(lambda: _io.BufferedReader(Bad(b'x')).read(3))
class BadW(Raw):
    def write(self, b): return -1
t(lambda: _io.BufferedWriter(BadW(b''), 4).write(b'123456789'))
class BadT(Raw):
    def tell(self): return -3
t(lambda: _io.BufferedReader(BadT(b'abc')).tell())
# flush error on close, chained with close error
class FailW(Raw):
    def write(self, b): raise OSError('disk full')
    def close(self): raise ValueError('close failed')
fw = _io.BufferedWriter(FailW(b''), 4); fw.write(b'12')
try: fw.close()
except Exception as e: print(type(e).__name__, e, type(e.__context__).__name__, e.__context__)
# non-blocking pipe writer
rfd, wfd = os.pipe(); os.set_blocking(wfd, False)
bw = _io.BufferedWriter(_io.FileIO(wfd, 'w'), 1024)
total = 0
try:
    while True:
        total += bw.write(b'x' * 5000)
except BlockingIOError as e:
    print('blocking', e.errno, e.strerror, e.characters_written <= 5000, total > 0)
os.close(rfd)
try: bw.close()
except OSError as e: print(type(e).__name__)
rfd, wfd = os.pipe(); os.set_blocking(rfd, False)
br = _io.BufferedReader(_io.FileIO(rfd))
print(br.read(5), br.read(), br.peek(), br.read1(3))
os.write(wfd, b'abc'); print(br.read(5), br.read(2))
br.close(); os.close(wfd)
# subclass repr and iteration through readline
class Sub(_io.BufferedReader):
    def readline(self, n=-1): return b'' if self.tell() > 20 else super().readline(n)
s = Sub(_io.FileIO(p)); print(repr(s).replace(p, 'P'), len(list(s))); s.close()
with _io.BufferedReader(_io.FileIO(p)) as q: print(q.read(4))
print(q.closed)
print(isinstance(q, _io._BufferedIOBase), _io.BufferedRandom.__mro__)
print(sorted(k for k in vars(_io.BufferedReader) if not k.startswith('__')))
print(sorted(k for k in vars(_io.BufferedWriter) if not k.startswith('__')))
print(sorted(k for k in vars(_io.BufferedRandom) if not k.startswith('__')))
print(sorted(k for k in vars(_io.BufferedRWPair) if not k.startswith('__')))
os.unlink(p)
import threading
w = _io.BufferedWriter(_io.FileIO(p, 'w'), 100)
def worker(k):
    for i in range(500): w.write(b'%d' % k * 10 + b'\n')
ts = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for th in ts: th.start()
for th in ts: th.join()
w.close()
r = _io.BufferedReader(_io.FileIO(p)); ls = r.readlines(); r.close()
print(len(ls), all(l == l[:1] * 10 + b'\n' for l in ls))
os.unlink(p)
