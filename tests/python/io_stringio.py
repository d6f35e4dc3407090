# _io.StringIO: newline modes (translation on write, line endings on read, `newlines`),
# seeking and padding, truncation, closed-state and argument errors.
import _io

for nl in [None, '', '\n', '\r', '\r\n']:
    s = _io.StringIO('a\r\nb\rc\nd', newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), repr(s.newlines))
    s = _io.StringIO(newline=nl)
    s.write('x\ny\r\nz\r')
    print(repr(s.getvalue()), repr(s.newlines))
    s.write('\n')
    print(repr(s.getvalue()), repr(s.newlines))
    s.seek(0)
    print([line for line in s])
for text in ['a\n', 'a\r', 'a\r\n', 'a\nb\r', 'a\nb\r\n']:
    s = _io.StringIO(newline=None)
    s.write(text)
    print(repr(text), repr(s.newlines))
s = _io.StringIO('abc')
s.seek(5)
print(s.write('x'), repr(s.getvalue()), s.tell())
s = _io.StringIO('abc')
print(s.read(1), s.truncate(), repr(s.getvalue()), s.tell(), s.seek(0, 2), s.seek(0, 1), s.seek(0))
s = _io.StringIO()
s.write('\r')
s.write('\n')
print(repr(s.getvalue()), s.newlines)
print(repr(_io.StringIO('x\ny').readline(1)), repr(_io.StringIO('a\r\nb', newline='').readline()))
print(repr(_io.StringIO('a\r\nb', newline='\r\n').readline(2)), repr(_io.StringIO('a\r\nb', newline='\r\n').readline(3)))
s = _io.StringIO('abc\u20ac\U0001f600')
print(s.read(), s.tell(), s.write('\xe9'), repr(s.getvalue()))
s.writelines(['1', '2'])
print(repr(s.getvalue()), s.readable(), s.writable(), s.seekable(), s.isatty(), s.flush(), s.closed)
print(s.encoding, s.errors, s.line_buffering)
print(repr(_io.StringIO(None).getvalue()), repr(_io.StringIO(initial_value='kw', newline=None).read()))
with _io.StringIO('ctx') as c:
    print(c.read())
print(c.closed)


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


s = _io.StringIO('a')
t('seek neg', lambda: s.seek(-1))
t('seek cur', lambda: s.seek(1, 1))
t('seek end', lambda: s.seek(-1, 2))
t('seek whence', lambda: s.seek(0, 5))
t('trunc', lambda: s.truncate(-1))
t('write bytes', lambda: s.write(b'x'))
t('write int', lambda: _io.StringIO(None).write(1))
t('init', lambda: _io.StringIO(1))
t('newline', lambda: _io.StringIO('', 'x'))
t('newline int', lambda: _io.StringIO('', 1))
t('read str', lambda: s.read('x'))
t('fileno', lambda: s.fileno())
t('detach', lambda: s.detach())
t('newlines default', lambda: s.newlines)
s.close()
for name in ['read', 'getvalue', 'readable', 'tell', 'readline', 'flush']:
    t('closed ' + name, getattr(s, name))
t('closed write', lambda: s.write('x'))
t('closed line_buffering', lambda: s.line_buffering)
t('closed newlines', lambda: s.newlines)
t('closed iter', lambda: next(s))
print(s.closed)
for name in ['writable', 'seekable', 'isatty', '__enter__']:
    t('closed ' + name, getattr(s, name))
t('closed writelines', lambda: s.writelines([]))
