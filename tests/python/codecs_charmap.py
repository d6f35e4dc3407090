# The charmap codec: _codecs.charmap_decode/encode/build and the table-driven encodings
# (cp1252, cp437, mac_roman...) built on it.
import _codecs
import codecs


def show(label, f, *args):
    try:
        print(label, '->', repr(f(*args)))
    except Exception as e:
        print(label, '->', type(e).__name__, e, getattr(e, 'start', ''), getattr(e, 'end', ''))


m = _codecs.charmap_build('\x00a' + 'a' + 'b' * 253)
print(type(m).__name__)
show('encode with map', _codecs.charmap_encode, 'ab', 'strict', m)
show('build short', _codecs.charmap_build, 'abc')
print(type(_codecs.charmap_build('\x00bc' + '\ufffe' * 253)).__name__)
print(type(_codecs.charmap_build('\x00bc' + '\U00010000' * 253)).__name__)
show('build int', _codecs.charmap_build, 1)

show('decode str table', _codecs.charmap_decode, b'\x00\x01\x05', 'replace', 'ab\ufffe')
show('decode str table strict', _codecs.charmap_decode, b'\x00\x02', 'strict', 'ab\ufffe')
show('decode dict', _codecs.charmap_decode, b'\x00\x01', 'strict', {0: 'xy', 1: 66})
for mp in [{0: 0x110000}, {0: 1.5}, {0: 0xfffe}, {0: None}, {}, {0: -1}, {0: '\ufffe'}, {0: b'a'}, 5, [65]]:
    show('decode %r' % (mp,), _codecs.charmap_decode, b'\x00', 'strict', mp)
show('decode list', _codecs.charmap_decode, b'\x00\x01', 'strict', [65, 'b'])
show('decode ignore', _codecs.charmap_decode, b'\x00\x01\x00', 'ignore', {0: 'z'})
show('decode backslashreplace', _codecs.charmap_decode, b'\x00\x81', 'backslashreplace', {0: 'z'})
show('decode no mapping', _codecs.charmap_decode, b'abc\xff')
show('decode str data', _codecs.charmap_decode, 'x')

for mp in [{97: 256}, {97: 'x'}, {97: b'xy'}, {97: None}, {}, {97: -1}, [1]]:
    show('encode %r' % (mp,), _codecs.charmap_encode, 'a', 'strict', mp)
show('encode replace', _codecs.charmap_encode, 'ab\u1234', 'replace', {97: 1, 98: 2, 63: 9})
show('encode xmlcharref', _codecs.charmap_encode, 'ab\u1234', 'xmlcharrefreplace', {c: c for c in range(128)})
show('encode replace unmappable', _codecs.charmap_encode, 'ab\u1234\u1235x', 'replace', {97: 1, 98: 2})
show('encode strict run', _codecs.charmap_encode, 'ab\u1234\u1235x', 'strict', {97: 1, 98: 2})
show('encode ignore', _codecs.charmap_encode, 'a\u1234b', 'ignore', {97: 1, 98: 2})
show('encode backslashreplace', _codecs.charmap_encode, 'a\u1234', 'backslashreplace', {c: c for c in range(128)})
show('encode no mapping', _codecs.charmap_encode, 'ab\xe9')
show('encode no mapping bad', _codecs.charmap_encode, 'ab\u20ac')
show('encode int', _codecs.charmap_encode, 1)


def angle(exc):
    return ('<%d>' % exc.start, exc.end)


def as_bytes(exc):
    return (b'\xfe', exc.end)


codecs.register_error('test.cm_angle', angle)
codecs.register_error('test.cm_bytes', as_bytes)
show('encode handler str', _codecs.charmap_encode, 'a\u1234b', 'test.cm_angle', {c: c for c in range(128)})
show('encode handler unmappable', _codecs.charmap_encode, 'a\u1234b', 'test.cm_angle', {97: 1, 98: 2})
show('encode handler bytes', _codecs.charmap_encode, 'a\u1234b', 'test.cm_bytes', {97: 1, 98: 2})
show('decode handler', _codecs.charmap_decode, b'a\x00b', 'test.cm_angle', {97: 'A', 98: 'B'})

# The encodings built on charmap.
for enc in ['cp1252', 'cp437', 'mac_roman', 'iso8859_15', 'koi8_r', 'cp850', 'cp1251']:
    text = 'h\xe9llo \u20ac'
    print(enc, text.encode(enc, 'replace'), text.encode(enc, 'replace').decode(enc))
    print(enc, bytes(range(128, 140)).decode(enc, 'replace'))
print('\u20ac'.encode('cp1252'), b'\x80\x81'.decode('cp1252', 'replace'))
show('cp1252 decode bad', lambda: b'\x81'.decode('cp1252'))
show('cp1252 encode bad', lambda: '\u1234'.encode('cp1252'))
print(codecs.lookup('cp1252').name, codecs.lookup('windows-1252').name, codecs.lookup('IBM437').name)
enc = codecs.getincrementalencoder('cp1252')()
print(enc.encode('a\u20ac'), enc.encode('b', True))
dec = codecs.getincrementaldecoder('cp437')()
print(dec.decode(b'\x82'), dec.decode(b'a', True))
