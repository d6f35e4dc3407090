# _io finalizers: buffered data flushed at dealloc and in a garbage cycle; _BufferedIOBase subclass writelines/close; buffered over BytesIO.
import _io, os, gc
p = '/tmp/iobuf4_%d' % os.getpid()
def scope():
    w = _io.BufferedWriter(_io.FileIO(p, 'w'))
    w.write(b'flushed at dealloc')
scope()
r = _io.BufferedReader(_io.FileIO(p)); print(r.read()); r.close()
def cyc():
    w = _io.BufferedRandom(_io.FileIO(p, 'r+'))
    w.me = w
    w.write(b'FLUSHED')
cyc(); gc.collect()
r = _io.FileIO(p); print(r.read()); r.close()
class MyIO(_io._BufferedIOBase):
    def __init__(self): self.log = []
    def write(self, b): self.log.append(b); return len(b)
    def flush(self): print('flush called')
m = MyIO(); m.writelines([b'a', b'b']); print(m.log); m.close(); print(m.closed)
r = _io.BufferedReader(_io.BytesIO(b'abc\ndef\nghi'))
print(r.readline(), r.read(2), r.readlines(), repr(r))
rw = _io.BufferedRandom(_io.BytesIO(b'0123456789'), 4)
print(rw.read(3), rw.write(b'ab'), rw.tell(), rw.read(), rw.seek(0), rw.read(), rw.raw.getvalue())
os.unlink(p)
