# _io.BytesIO: reading, writing past the end, seeking, truncating, lines, readinto,
# closed-state errors and argument errors.
import _io

b = _io.BytesIO(b'hello\nworld\nlast')
print(b.read(3), b.tell(), b.read1(2), b.readline(), b.readline(2), b.readlines())
print(b.read(), b.read(5), b.tell())
b.seek(0)
print(list(b))
b.seek(0)
print(b.readlines(7), b.tell())
print(b.seek(2, 1), b.seek(-3, 2), b.read(), b.seek(-100, 1))
b.seek(20)
print(b.write(b'XY'), b.getvalue(), b.tell())
print(b.truncate(5), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
b.seek(1)
print(b.write(bytearray(b'ab')), b.write(memoryview(b'c')), b.getvalue())
ba = bytearray(4)
b.seek(0)
print(b.readinto(ba), ba, b.readinto(bytearray(10)))
b.writelines([b'1', b'23'])
print(b.getvalue(), b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)
print(_io.BytesIO().getvalue(), _io.BytesIO(initial_bytes=b'kw').read(), _io.BytesIO(None).read())
with _io.BytesIO(b'ctx') as c:
    print(c.read())
print(c.closed)


def _catch(f):
    try:
        f()
    except Exception as e:
        return e


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


b = _io.BytesIO(b'abc')
t('seek neg', lambda: b.seek(-1))
t('seek whence', lambda: b.seek(0, 3))
t('seek str', lambda: b.seek('x'))
t('trunc neg', lambda: b.truncate(-1))
t('trunc str', lambda: b.truncate('x'))
t('write str', lambda: b.write('x'))
t('read str', lambda: b.read('x'))
t('read float', lambda: b.read(1.5))
t('readline str', lambda: b.readline('x'))
t('read two args', lambda: b.read(1, 2))
t('init str', lambda: _io.BytesIO('x'))
t('init two', lambda: _io.BytesIO(b'', b''))
t('init kw', lambda: _io.BytesIO(foo=1))
t('fileno', lambda: b.fileno())
t('fileno type', lambda: isinstance(_catch(b.fileno), OSError) and isinstance(_catch(b.fileno), ValueError))
t('readinto bytes', lambda: b.readinto(b'xx'))
b.close()
b.close()
for name in ['read', 'getvalue', 'readable', 'writable', 'seekable', 'tell', 'flush', 'isatty', 'readline', 'readlines', '__enter__']:
    t('closed ' + name, getattr(b, name))
t('closed write', lambda: b.write(b'x'))
t('closed seek', lambda: b.seek(0))
t('closed iter', lambda: next(b))
print(b.closed)


class Sub(_io.BytesIO):
    pass


s = Sub(b'sub')
s.extra = 1
print(s.read(), s.extra, type(s).__name__)
