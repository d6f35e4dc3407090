# _json: scanstring, encode_basestring(_ascii), make_scanner through json.loads/dumps, with
# JSONDecodeError messages and positions as CPython's.
from re_helpers.shim import re  # json imports re
import _json
import json
import json.decoder, json.scanner
print(json.scanner.make_scanner is _json.make_scanner, json.decoder.scanstring is _json.scanstring)
docs = ['{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\n\\u00e9\\ud83d\\ude00"}}',
        '[]', '{}', ' [ 1 , { } , [ ] ] ', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '-0', '1E400', '123456789012345678901234567890',
        '[NaN, Infinity, -Infinity]', '{"a":1,"a":2}', '"\\ud800x"', '"\\ud800\\udc00"', '"日本"', '0.1',
        '"\x01"', '"\\x"', '"\\u12"', '"\\u12zz"', '"abc', '"a\\', '"\\ud800\\u12"', '', ' ', '[1,]', '{"a" 1}',
        '{"a":1,}', '{1:2}', '[1 2]', 'nul', '-', '1.5e', '[', '{', '{"a":', '12 3', '[1,\n2,]', '00', '1.', '.5',
        '[1', '{"a":1', 'tru', '-Inf', '{"a"', '[-]', '"\\u00"']
for s in docs:
    try:
        print(repr(s), repr(json.loads(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"x": NaN}', parse_constant=lambda c: 'C:' + c))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads('{"k": {}}', object_hook=lambda d: ('H', d)))
print(json.loads('"a\tb"', strict=False))
try:
    json.loads('"a\tb"')
except ValueError as e:
    print(e)
print(_json.scanstring('"abc" x', 1), _json.scanstring('ab"', 0, False))
for a in [(1, 0), ('abc', 5), ('abc', -1)]:
    try:
        _json.scanstring(*a)
    except Exception as e:
        print(type(e).__name__, e)
print(_json.encode_basestring('a"b\\\n\x00é😀\u2028\x1f'), _json.encode_basestring_ascii('a"b\\\n\x00é😀\u2028\x7f'))
for f in (_json.encode_basestring, _json.encode_basestring_ascii):
    try:
        f(1)
    except Exception as e:
        print(type(e).__name__, e)
print(json.dumps({'a': ['é', '😀', 1.5, None]}), json.dumps('é', ensure_ascii=False))
sc = _json.make_scanner(json.decoder.JSONDecoder())
print(sc('[1] x', 0), sc('  "s"', 2))
for args in (('[1]', 5), ('x', 0), ('[1]', -1), (b'1', 0)):
    try:
        print(sc(*args))
    except Exception as e:
        print(type(e).__name__, e)
deep = '[' * 100 + ']' * 100
print(len(str(json.loads(deep))))
print(json.loads(json.dumps({'k%d' % i: list(range(i)) for i in range(20)})) == {'k%d' % i: list(range(i)) for i in range(20)})
