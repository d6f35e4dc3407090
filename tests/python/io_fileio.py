# _io.FileIO: modes, errors (with filenames), read/write/seek/truncate, closefd, opener, non-blocking pipes, repr.
import _io, os
p='/tmp/iobx_%d' % os.getpid()
def t(f):
  try: r = f(); print(repr(r))
  except Exception as e: print(type(e).__name__, str(e).replace(p, 'P'))
t(lambda: _io.FileIO(p, 'q'))
t(lambda: _io.FileIO(p, 'rw'))
t(lambda: _io.FileIO(p, 'r++'))
t(lambda: _io.FileIO(p, 'b'))
t(lambda: _io.FileIO(p, ''))
t(lambda: _io.FileIO(p, 'rt'))
t(lambda: _io.FileIO(p, 'r').name)
t(lambda: _io.FileIO(1.5))
t(lambda: _io.FileIO(-3))
t(lambda: _io.FileIO('a\0b'))
t(lambda: _io.FileIO('/tmp'))
t(lambda: _io.FileIO('/tmp', 'w'))
t(lambda: _io.FileIO(p, 'w', closefd=False))
t(lambda: _io.FileIO(p, 'w', opener=lambda n, f: 'x'))
t(lambda: _io.FileIO(p, 'w', opener=lambda n, f: -2))
t(lambda: _io.FileIO([]))
t(lambda: _io.FileIO(p, 5))
f = _io.FileIO(p, 'w'); print(repr(f).replace(p, 'P'), f.mode, f.name == p, f.closefd, f._blksize > 0, f.readable(), f.writable(), f.seekable(), f._finalizing)
t(lambda: f.read()); t(lambda: f.write('s')); print(f.write(b'abc\ndef\n'), f.tell(), f.seek(0,2))
t(lambda: f.seek(1.5)); t(lambda: f.seek(0, 5)); t(lambda: f.seek(-1)); t(lambda: f.truncate(2)); t(lambda: f.truncate(-1))
print(f.write(memoryview(b'xyz')), f.write(bytearray(b'12')), f.tell())
f.close(); print(f); t(lambda: f.read()); t(lambda: f.fileno()); t(lambda:f.closed); t(lambda: f.mode); t(lambda: f.seekable()); t(f.close)
t(lambda: f.tell()); t(lambda: f.readable());t(lambda: f.isatty()); t(lambda: f.readinto(bytearray(2)));t(lambda: f.readall()); t(lambda: f.write(b''))
for m in 'r rb r+ w+ a a+ ab x'.split():
  try: os.unlink(p+'x')
  except: pass
  os.close(os.open(p+'x', os.O_CREAT|os.O_WRONLY)) if m != 'x' else None
  g = _io.FileIO(p+'x', m); print(m, g.mode, repr(g).replace(p, 'P')); g.close()
t(lambda: _io.FileIO(p+'x', 'x'))
os.unlink(p+'x')
g = _io.FileIO(p); t(lambda: g.write(b'x')); t(lambda:g.readinto(b'')); print(g.read(3), g.readall(), g.read(), g.readinto(bytearray(3)))
g.seek(0); b=bytearray(5); print(g.readinto(b), b, g.readall()); print(g.seek(-2, 2), g.read(), g.seek(0), g.read(None), g.seek(1), g.read(-1))
g.close()
fd=os.open(p, os.O_RDONLY); h=_io.FileIO(fd, closefd=False); print(h.name == fd, repr(h).replace(str(fd), 'FD')); h.close(); os.fstat(fd); os.close(fd)
class S(_io.FileIO): pass
s=S(p); print(repr(s).replace(p, 'P')); s.name='zz'; print(s); del s.name; print(repr(s).split('fd=')[0]); s.close()
t(lambda: _io.FileIO(p, mode='r', closefd=0, opener=None, x=1))
print(_io.FileIO(p, opener=lambda n,f: os.open(n,f)).read())
print(_io.FileIO(file=p, mode='rb').read())
os.unlink(p)
t(lambda: _io.FileIO(p))
t(lambda: _io.FileIO(p.encode()))
r,w = os.pipe(); os.set_blocking(r, False); rr=_io.FileIO(r); print(rr.read(5), rr.readall(), rr.readinto(bytearray(3)), rr.seekable()); t(lambda: rr.tell())
os.write(w, b'xy'); print(rr.readall()); rr.close(); os.close(w)
r,w = os.pipe(); ww = _io.FileIO(w, 'w'); os.set_blocking(w, False)
total = 0
while True:
    n = ww.write(b'x' * 65536)
    if n is None: break
    total += n
print('pipe full', total > 0); ww.close(); os.close(r)
t(lambda: _io.FileIO(p, 'w', closefd=True).close())
f = _io.FileIO(p, 'r+'); f.write(b'0123456789'); print(f.truncate(), f.seek(0), f.read(), f.truncate(4), f.seek(0), f.read(), f.tell())
print(f.isatty(), isinstance(f, _io._RawIOBase), f.readline(), f.seek(0), f.readlines(), list(f))
f.__init__(p, 'rb'); print(f.read())
f.close()
import gc
def leak():
    _io.FileIO(p)
leak(); gc.collect()
import sys
with _io.FileIO(p) as f: print(f.read(2), f.closed)
print(f.closed)
os.unlink(p)
print(_io.FileIO(0, closefd=False).isatty() in (True, False))
print(sorted(k for k in vars(_io.FileIO) if not k.startswith('__')))
