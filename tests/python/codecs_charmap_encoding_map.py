# Encoding through an EncodingMap (charmap_build of a 256-character table): every kind of
# str, characters in many pages of the BMP, duplicates (the last byte wins), unmapped
# characters at each position (the error handlers see the run), astral characters, and the
# table-driven encodings of the standard library.
import _codecs

table = ''.join(chr(c) for c in range(128)) + ''.join(
    chr(0x100 * (1 + i % 40) + i) for i in range(128))
table = table[:200] + '\ufffe' * 10 + 'A' + '\u0141' * 3 + table[214:]
m = _codecs.charmap_build(table)
print(type(m).__name__, len(table))

everything = ''.join(c for c in set(table) if c != '\ufffe')
b, n = _codecs.charmap_encode(''.join(sorted(everything)), 'strict', m)
print(n, b.hex())
print(_codecs.charmap_encode('A\u0141', 'strict', m))

for text in ['', 'a', 'ab', 'plain ascii text of some length', 'x' * 1000,
             ''.join(sorted(everything)) * 3]:
    print(len(text), _codecs.charmap_encode(text, 'strict', m)[0][:40].hex())

bad_chars = ['\x80', '\xff', '\u0100', '\u20ac', '\uffff', '\U0001f600', '\U0010ffff', '\ud800']
for bad in bad_chars:
    for at in (0, 1, 7, 8, 9, 30):
        text = 'k' * at + bad + '\u0201' + 'z' * 5
        for errors in ('strict', 'replace', 'ignore', 'xmlcharrefreplace', 'backslashreplace'):
            try:
                print(ascii(bad), at, errors, _codecs.charmap_encode(text, errors, m))
            except UnicodeEncodeError as e:
                print(ascii(bad), at, errors, 'error', e.start, e.end, e.reason)

for enc in ('cp1252', 'cp437', 'mac_roman', 'cp1251', 'koi8_r', 'cp850', 'iso8859_15'):
    text = ''.join(chr(c) for c in range(0x20, 0x7f)) + 'àéîõü€‚ƒ„…†‡ÀÉ ЖЯ'
    out = []
    for ch in text:
        try:
            out.append(ch.encode(enc).hex())
        except UnicodeEncodeError:
            out.append('-')
    print(enc, ' '.join(out))
    print(enc, text.encode(enc, 'replace').hex(), text.encode(enc, 'xmlcharrefreplace')[-40:])
