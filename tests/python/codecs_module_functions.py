# _codecs: the raw codec functions the encodings package wraps, their argument checks,
# and the registry functions.
import _codecs


def show(label, f, *args):
    try:
        print(label, '->', repr(f(*args)))
    except Exception as e:
        print(label, '->', type(e).__name__, e)


show('utf_8_encode', _codecs.utf_8_encode, 'h\xe9\u20ac\U0001f600')
show('utf_8_encode errors', _codecs.utf_8_encode, 'a\ud800', 'surrogatepass')
show('utf_8_decode partial', _codecs.utf_8_decode, b'a\xc3', 'strict')
show('utf_8_decode final', _codecs.utf_8_decode, b'a\xc3', 'strict', True)
show('utf_8_decode replace', _codecs.utf_8_decode, b'a\xffb', 'replace', True)
show('utf_8_decode bytearray', _codecs.utf_8_decode, bytearray(b'xy'))
show('utf_8_decode memoryview', _codecs.utf_8_decode, memoryview(b'xyz'))
show('utf_8_encode int', _codecs.utf_8_encode, 1)
show('utf_8_decode str', _codecs.utf_8_decode, 'x')
show('utf_8_encode errors int', _codecs.utf_8_encode, 'x', 1)
show('utf_8_decode final str', _codecs.utf_8_decode, b'x', None, 'y')
show('utf_8_decode final float', _codecs.utf_8_decode, b'x', None, 2.5)
show('utf_8_decode no args', _codecs.utf_8_decode)
show('utf_8_decode 4 args', _codecs.utf_8_decode, b'', None, True, 4)
show('utf_16_encode', _codecs.utf_16_encode, 'ab')
show('utf_16_encode big', _codecs.utf_16_encode, 'ab', 'strict', 1)
show('utf_16_encode little', _codecs.utf_16_encode, 'ab', 'strict', -1)
show('utf_16_decode bom', _codecs.utf_16_decode, b'\xfe\xff\x00a\x00b')
show('utf_16_decode odd', _codecs.utf_16_decode, b'\xff\xfea\x00b')
show('utf_16_ex_decode', _codecs.utf_16_ex_decode, b'\xff\xfea\x00b')
show('utf_16_ex_decode final', _codecs.utf_16_ex_decode, b'a\x00b\x00', 'strict', 0, True)
show('utf_16_ex_decode big', _codecs.utf_16_ex_decode, b'\x00a', 'strict', 1, True)
show('utf_16_le_encode', _codecs.utf_16_le_encode, '\U0001f600')
show('utf_16_be_decode', _codecs.utf_16_be_decode, b'\xd8\x3d\xde\x00', None, True)
show('utf_32_encode', _codecs.utf_32_encode, 'a')
show('utf_32_decode', _codecs.utf_32_decode, b'\xff\xfe\x00\x00a\x00\x00\x00')
show('utf_32_ex_decode', _codecs.utf_32_ex_decode, b'\x00\x00\xfe\xff\x00\x00\x00a', None, 0, True)
show('utf_32_le_encode', _codecs.utf_32_le_encode, 'ab')
show('utf_32_be_decode bad', _codecs.utf_32_be_decode, b'\x00\x11\x00\x00', None, True)
show('latin_1_encode', _codecs.latin_1_encode, 'a\xe9\u20ac', 'replace')
show('latin_1_decode', _codecs.latin_1_decode, b'a\xe9')
show('latin_1_decode str', _codecs.latin_1_decode, 'x')
show('ascii_encode', _codecs.ascii_encode, 'a\xe9', 'backslashreplace')
show('ascii_decode', _codecs.ascii_decode, b'a\xe9', 'strict')
show('unicode_escape_encode', _codecs.unicode_escape_encode, 'a\n\xe9\u20ac')
show('unicode_escape_decode', _codecs.unicode_escape_decode, b'a\\n\\u20ac')
show('unicode_escape_decode str', _codecs.unicode_escape_decode, 'a\\u00e9')
show('unicode_escape_decode partial', _codecs.unicode_escape_decode, b'\\x4', None, False)
show('raw_unicode_escape_encode', _codecs.raw_unicode_escape_encode, 'a\\\u20ac')
show('raw_unicode_escape_decode', _codecs.raw_unicode_escape_decode, 'a\\u00e9')
show('escape_encode', _codecs.escape_encode, b'a\n\x00\'"\\\xff\t\r')
show('escape_encode str', _codecs.escape_encode, 'x')
show('escape_decode', _codecs.escape_decode, b'a\\n\\x41\\101')
show('escape_decode str', _codecs.escape_decode, 'a\\n')
show('escape_decode bad', _codecs.escape_decode, b'\\x4')
show('escape_decode bad replace', _codecs.escape_decode, b'\\x4', 'replace')
show('readbuffer_encode str', _codecs.readbuffer_encode, 'h\xe9')
show('readbuffer_encode bytearray', _codecs.readbuffer_encode, bytearray(b'ab'))
show('readbuffer_encode int', _codecs.readbuffer_encode, 3)

# The registry.
show('lookup int', _codecs.lookup, 1)
show('lookup unknown', _codecs.lookup, 'no-such-codec')
print('lookup name', _codecs.lookup('UTF-8').name, _codecs.lookup('Latin-1').name)
show('encode', _codecs.encode, 'x\xe9', 'latin-1')
show('encode default', _codecs.encode, 'x\xe9')
show('encode bytes', _codecs.encode, b'x', 'utf-8')
show('decode', _codecs.decode, b'x\xe9', 'latin-1')
show('decode bad', _codecs.decode, b'\xff')
show('decode bad encoding type', lambda: _codecs.decode(b'x', encoding=3))
show('encode unknown', lambda: _codecs.encode('x', encoding='nope'))
show('encode keywords', lambda: _codecs.encode(obj='\xe9', errors='replace', encoding='ascii'))
show('lookup_error', _codecs.lookup_error, 'nope')
print('lookup_error strict', _codecs.lookup_error('strict').__name__)
show('lookup_error int', _codecs.lookup_error, 1)
show('register', _codecs.register, 1)
show('register_error', _codecs.register_error, 'x', 1)
show('register_error name', _codecs.register_error, 1, print)


def search(name):
    print('search got', repr(name))
    if name == 'my_codec':
        return (lambda s, e='strict': (s.upper().encode(), len(s)), lambda b, e='strict': (bytes(b).decode().lower(), len(b)), None, None)
    return None


_codecs.register(search)
show('custom lookup', lambda: len(_codecs.lookup('My-Codec')))
show('custom encode', _codecs.encode, 'abc', 'my codec')
show('custom decode', _codecs.decode, b'ABC', 'my_codec')
show('unknown after register', _codecs.lookup, 'Foo Bar-Baz')
_codecs.unregister(search)
show('unregistered', _codecs.lookup, 'my_codec2')
show('unregister again', _codecs.unregister, search)


def handler(exc):
    return ('<%d-%d>' % (exc.start, exc.end), exc.end)


_codecs.register_error('test.angle', handler)
print(_codecs.lookup_error('test.angle') is handler)
show('custom handler encode', _codecs.ascii_encode, 'a\xe9\xe9b', 'test.angle')
show('custom handler decode', _codecs.utf_8_decode, b'a\xff\xfeb', 'test.angle', True)
