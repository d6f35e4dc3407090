# BytesIO/StringIO __getstate__/__setstate__ (and copy.deepcopy through them): values, positions, dicts, CPython's errors.
import _io, copy
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
b = _io.BytesIO(b'abc'); b.seek(1); b.x = 5
print(b.__getstate__())
c = _io.BytesIO(); print(c.__getstate__())
t(lambda: c.__setstate__(5)); t(lambda: c.__setstate__((1, 2))); t(lambda: c.__setstate__(('s', 0, None)))
t(lambda: c.__setstate__((b'x', 'a', None))); t(lambda: c.__setstate__((b'x', -1, None))); t(lambda: c.__setstate__((b'x', 0, 5)))
t(lambda: c.__setstate__((b'xyz', 2, {'a': 1}))); print(c.read(), c.a, c.tell())
t(lambda: c.__setstate__((bytearray(b'q'), 0, None, 7))); print(c.getvalue())
t(lambda: c.__setstate__((b'far', 10, None))); print(c.tell(), c.read(), c.write(b'!'), c.getvalue())
d = copy.deepcopy(b); print(d.getvalue(), d.tell(), d.x, type(d).__name__)
class Sub(_io.BytesIO): pass
s = Sub(b'sub'); s.y = 1; e = copy.copy(s); print(type(e).__name__, e.getvalue(), e.y)
b.close(); t(lambda: b.__getstate__()); t(lambda: b.__setstate__((b'', 0, None)))
s = _io.StringIO('a\r\nb', newline=None); s.seek(1); print(s.__getstate__())
s2 = _io.StringIO('a\nb', newline='\r\n'); print(s2.__getstate__(), repr(s2.getvalue()))
s4 = _io.StringIO('x\ny'); s4.z = 3; print(s4.__getstate__())
s3 = _io.StringIO(); t(lambda: s3.__setstate__((1,))); t(lambda: s3.__setstate__(('a\r\nx', None, 1, None))); print(repr(s3.getvalue()), s3.tell(), repr(s3.newlines))
t(lambda: s3.__setstate__(('x', 5, 0, None))); t(lambda: s3.__setstate__(('x', None, 'a', None))); t(lambda: s3.__setstate__(('x', None, -1, None)))
t(lambda: s3.__setstate__(('x', None, 0, 3))); t(lambda: s3.__setstate__((1, None, 0, None))); t(lambda: s3.__setstate__(('é€😀', '', 2, {'k': 1}))); print(s3.read(), s3.k)
c4 = copy.deepcopy(s); print(repr(c4.getvalue()), c4.tell())
s.close(); t(lambda: s.__getstate__()); t(lambda: s.__setstate__(('', None, 0, None)))
