# _io.IncrementalNewlineDecoder: a '\r' held back across chunks, translation, the
# newline kinds seen, getstate/setstate/reset with and without a wrapped decoder, errors.
import _codecs
import _io

D = _io.IncrementalNewlineDecoder


class Utf8Decoder:
    """A minimal incremental UTF-8 decoder with getstate/setstate/reset."""

    def __init__(self):
        self.buf = b''

    def decode(self, data, final=False):
        text, used = _codecs.utf_8_decode(self.buf + data, 'strict', final)
        self.buf = (self.buf + data)[used:]
        return text

    def getstate(self):
        return (self.buf, 0)

    def setstate(self, state):
        self.buf = state[0]

    def reset(self):
        self.buf = b''


d = D(None, True)
print(repr(d.decode('a\r')), d.getstate(), repr(d.decode('\nb\rc')), repr(d.decode('', True)), d.newlines)
d = D(None, False)
print(repr(d.decode('x\r')), repr(d.decode('\r')), repr(d.decode('\n')), repr(d.newlines))
print(repr(d.decode('y\r')), repr(d.decode('', final=True)), repr(d.newlines))
for chunks in [['a\n'], ['a\r'], ['a\r\n'], ['a\nb\r', ''], ['a\r', '\nb\n', 'c\r'], ['\r\n\r\n']]:
    for translate in (False, True):
        d = D(None, translate)
        out = [d.decode(c) for c in chunks] + [d.decode('', True)]
        print(chunks, translate, out, repr(d.newlines))

d = D(Utf8Decoder(), False)
print(repr(d.decode(b'x\r\n\xc3')), d.getstate(), repr(d.decode(b'\xa9\r')), d.getstate(), repr(d.newlines), repr(d.decode(b'', final=True)))
d.setstate((b'\xc3', 3))
print(d.getstate())
d.reset()
print(d.getstate(), d.newlines)
d = D(None, False)
d.decode('\r')
print(d.getstate())
d.setstate((b'', 0))
print(repr(d.decode('x')))


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class BytesOut:
    def decode(self, b, final=False):
        return b


t('bytes none', lambda: D(None, False).decode(b'x'))
t('nonstr', lambda: D(BytesOut(), False).decode(b'x'))
t('setstate list', lambda: D(None, False).setstate([b'', 0]))
t('setstate bad', lambda: D(None, False).setstate((b'',)))
t('setstate str', lambda: D(None, False).setstate(('x', 'y')))
t('setstate none dec', lambda: D(None, False).setstate((b'x', 2)))
t('init', lambda: D())
t('init translate str', lambda: D(None, 'x'))
t('translate kw', lambda: D(decoder=None, translate=1, errors='x').decode('a\r\n'))
t('decode no args', lambda: D(None, False).decode())
t('decode kw', lambda: D(None, True).decode(input='a\r', final=True))
print(D(None, True).getstate(), D.__name__)


class Sub(D):
    pass


print(Sub(None, True).decode('q\r\n'))
