# _io.TextIOWrapper over BytesIO: construction, writing, reading, newlines, errors.
import _io as io

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

# construction errors
for kw in [dict(newline='x'), dict(newline=1), dict(encoding=1), dict(errors=1),
           dict(encoding='rot13'), dict(encoding='no-such-codec'), dict(newline='\0')]:
    show("ctor %r" % kw, lambda: io.TextIOWrapper(io.BytesIO(), **kw))
show("no args", lambda: io.TextIOWrapper())

t = io.TextIOWrapper(io.BytesIO())
print(repr(t), t.encoding, t.errors, t.line_buffering, t.write_through, t.newlines)
print(t.readable(), t.writable(), t.seekable(), t.isatty(), t.closed, t._CHUNK_SIZE)
show("name", lambda: t.name)
show("fileno", lambda: t.fileno())

# writing with translation
for nl in [None, '', '\n', '\r', '\r\n']:
    b = io.BytesIO()
    t = io.TextIOWrapper(b, encoding='utf-8', newline=nl)
    print(repr(nl), t.write("a\nb\r\nc\rd\n"), end=' ')
    t.flush()
    print(b.getvalue())
    t.seek(0)
    print(' lines', t.readlines(), t.newlines)
    t.seek(0)
    print(' read', repr(t.read()))

# reading universal newlines across chunk boundaries
data = ("line one\r\nline two\rline three\n" * 50).encode()
for nl in [None, '', '\n', '\r', '\r\n']:
    t = io.TextIOWrapper(io.BytesIO(data), encoding='ascii', newline=nl)
    t._CHUNK_SIZE = 7
    lines = list(t)
    print(repr(nl), len(lines), lines[:4], t.newlines)

# read(n) and readline(size)
t = io.TextIOWrapper(io.BytesIO("héllo wörld\nsecond line\nthird".encode()), encoding='utf-8')
t._CHUNK_SIZE = 3
print(repr(t.read(3)), repr(t.readline(4)), repr(t.readline()), repr(t.readline(-1)), repr(t.read(100)), repr(t.read()))
t.seek(0)
print(repr(t.read(0)), repr(t.readline(0)), t.readlines(5))
show("read str", lambda: t.read('x'))
show("readline str", lambda: t.readline('x'))

# decoding errors and error handlers
for errors in ['strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace']:
    t = io.TextIOWrapper(io.BytesIO(b'ab\xffcd\xc3'), encoding='utf-8', errors=errors)
    show("decode " + errors, t.read)
for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
    b = io.BytesIO()
    t = io.TextIOWrapper(b, encoding='ascii', errors=errors)
    show("encode " + errors, lambda: (t.write('aé€b'), t.flush(), b.getvalue()))

# other codecs through the registry
for enc in ['utf-16', 'utf-16-le', 'utf-8-sig', 'cp1252', 'latin-1', 'utf-32']:
    b = io.BytesIO()
    t = io.TextIOWrapper(b, encoding=enc)
    t.write('héllo\n')
    t.write('wörld\n')
    t.flush()
    print(enc, b.getvalue())
    t.seek(0)
    print(' ', t.read().splitlines(), t.encoding)

# write argument checks and closed / detached messages
t = io.TextIOWrapper(io.BytesIO())
show("write bytes", lambda: t.write(b'x'))
show("write int", lambda: t.write(1))
t.close()
print(t.closed, repr(t))
for m in ['read', 'readline', 'tell', 'flush', 'fileno', 'readable']:
    show("closed " + m, getattr(t, m))
show("closed write", lambda: t.write('x'))
show("closed iter", lambda: iter(t))
show("closed enter", lambda: t.__enter__())
print(t.close())

b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='latin-1')
t.write('abc')
d = t.detach()
print(d is b, b.getvalue(), repr(t))
for m in ['read', 'write', 'flush', 'close', 'detach', 'tell']:
    show("detached " + m, lambda: getattr(t, m)())
show("detached encoding", lambda: t.encoding)
show("detached buffer", lambda: t.buffer)

# not readable / not writable buffers
class WriteOnly(io.BytesIO):
    def readable(self): return False
class ReadOnly(io.BytesIO):
    def writable(self): return False
t = io.TextIOWrapper(WriteOnly(), encoding='utf-8')
show("wo read", t.read)
show("wo readline", t.readline)
print("wo write", t.write('ok'))
t = io.TextIOWrapper(ReadOnly(b'data'), encoding='utf-8')
show("ro write", lambda: t.write('x'))
print("ro read", t.read())

# line_buffering / write_through
class Spy(io.BytesIO):
    def write(self, b):
        print('  buffer.write', bytes(b))
        return super().write(b)
    def flush(self):
        print('  buffer.flush')
        return super().flush()
t = io.TextIOWrapper(Spy(), encoding='utf-8', line_buffering=True)
print("lb write"); t.write('no newline')
print("lb write nl"); t.write('x\ny')
print("lb write cr"); t.write('z\r')
t = io.TextIOWrapper(Spy(), encoding='utf-8', write_through=True)
print("wt write"); t.write('abc')
t.reconfigure(write_through=False, line_buffering=True)
print(t.write_through, t.line_buffering)
t = io.TextIOWrapper(Spy(), encoding='utf-8')
t._CHUNK_SIZE = 4
print("chunked"); t.write('ab'); t.write('cdef'); t.write('g')
print("flush"); t.flush()
show("chunk 0", lambda: setattr(t, '_CHUNK_SIZE', 0))
show("chunk del", lambda: delattr(t, '_CHUNK_SIZE'))

# reconfigure
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='ascii')
t.write('a\n')
t.reconfigure(encoding='latin-1', newline='\r\n')
t.write('é\n')
t.flush()
print(b.getvalue(), t.encoding, t.errors)
t.reconfigure(errors='replace')
print(t.encoding, t.errors)
t = io.TextIOWrapper(io.BytesIO(b'abc\ndef\n'), encoding='ascii')
t.readline()
show("reconfigure after read", lambda: t.reconfigure(encoding='utf-8'))
show("reconfigure newline after read", lambda: t.reconfigure(newline='\n'))
print(t.reconfigure(line_buffering=True), t.line_buffering)
show("reconfigure positional", lambda: t.reconfigure('utf-8'))
show("reconfigure bad newline", lambda: io.TextIOWrapper(io.BytesIO()).reconfigure(newline='x'))

# attributes: mode set by open goes into __dict__
t = io.TextIOWrapper(io.BytesIO(), encoding='utf-8')
t.mode = 'w'
print(repr(t), t.__dict__)
show("set name", lambda: setattr(t, 'name', 'x'))
class Named(io.BytesIO):
    name = 'f.txt'
print(repr(io.TextIOWrapper(Named(), encoding='utf-8')))

# truncate
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-8')
t.write('hello world')
print(t.truncate(5), b.getvalue())
print(t.tell())

# with statement
b = io.BytesIO()
with io.TextIOWrapper(b, encoding='utf-8') as t:
    t.write('in with')
print(t.closed, b.closed)

# subclass
class My(io.TextIOWrapper):
    pass
m = My(io.BytesIO(b'x\ny\n'), encoding='utf-8')
print(type(m).__name__, list(m), repr(m)[:8])
print(isinstance(m, io.TextIOWrapper))
print(isinstance(m, io._TextIOBase), isinstance(m, io._IOBase), [c.__name__ for c in io.TextIOWrapper.__mro__])

# the finalizer flushes and closes
b = Spy()
t = io.TextIOWrapper(b, encoding='utf-8')
t.write('written at finalization')
print("del")
del t
print(b.closed)
# readlines/writelines come from _IOBase
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-8', newline='\r\n')
t.writelines(['a\n', 'b\n'])
t.seek(0)
print(t.readlines(), t.readlines(), b.getvalue())
