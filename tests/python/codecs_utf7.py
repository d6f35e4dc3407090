# UTF-7: the encoder's direct characters and shift sequences, the decoder's errors and
# its stateful (final=False) behaviour.
import _codecs
import codecs

print([chr(c) for c in range(128) if chr(c).encode('utf-7') != chr(c).encode()])
for s in ['hello', 'a+b', '\xe9', '\xe9a', '\xe9.', '\xe9-', '\xe9\xe9', '~\\ \t\n!"#$%&*;<=>@[]^_`{|}',
          '\U0001f600', 'ab\u20acc', '\ud800', '', '\x00a', '\x00.', '~a', '\xe9+', 'a\U0001f600b']:
    print(repr(s), s.encode('utf-7'), s.encode('utf-7').decode('utf-7') == s)

cases = [b'+AOk-', b'+AOk', b'+AOkA', b'+AO', b'+', b'+-', b'+AOk.', b'\xff', b'+\xff', b'+2D3eAA-',
         b'+2D0-', b'+3gA-', b'+AOl-', b'+A-', b'+AOkAAA-', b'a+AOkAAA', b'~', b'\\', b'+AOl.x', b'+A.x',
         b'+2D0.', b'+2D3eAA', b'+2D3e-', b'+.', b'+2D0AQQ-', b'+AOkA-', b'+AAA', b'+2D3', b'+2D3eAA\x80']
for b in cases:
    for final in (True, False):
        for errors in ('strict', 'replace'):
            try:
                print(b, final, errors, _codecs.utf_7_decode(b, errors, final))
            except UnicodeDecodeError as e:
                print(b, final, errors, type(e).__name__, e, e.start, e.end)
print(_codecs.utf_7_decode(b'a+2D3-b+\xffc', 'replace', True))
print(_codecs.utf_7_decode(b'a+2D3-b+\xffc', 'ignore', True))
print(_codecs.utf_7_encode('a\xe9'))

dec = codecs.getincrementaldecoder('utf-7')()
out = []
for ch in b'a+AOkA6Q-b+2D3eAA-':
    out.append(dec.decode(bytes([ch])))
out.append(dec.decode(b'', True))
print(out)
