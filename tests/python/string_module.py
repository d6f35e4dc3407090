# _string: formatter_parser and formatter_field_name_split (string.Formatter's parser),
# with malformed strings raising where iteration reaches them.
import _string

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for s in ['', 'plain', 'a{0}b', '{}', '{x!r:>10}', '{a.b[c]}{{}}', 'x{0:{1}}y', '}}{{', '{0!s}', '{:d}tail', 'é{ü}']:
    print(repr(s), list(_string.formatter_parser(s)))
it = _string.formatter_parser('ok{0}{')
print(next(it))
show('malformed', lambda: next(it))
show('single }', lambda: list(_string.formatter_parser('a}b')))
show('conversion', lambda: list(_string.formatter_parser('{0!}')))
show('not str', lambda: _string.formatter_parser(1))
for name in ['0', 'abc', 'a.b', 'a[0].c', '1[key][2]', '', 'x.y.z']:
    first, rest = _string.formatter_field_name_split(name)
    print(repr(name), repr(first), list(rest))
first, rest = _string.formatter_field_name_split('a[0')
print(first)
show('missing ]', lambda: list(rest))
show('empty attr', lambda: list(_string.formatter_field_name_split('a.')[1]))
show('after ]', lambda: list(_string.formatter_field_name_split('a[0]x')[1]))
show('split not str', lambda: _string.formatter_field_name_split(None))
print(type(_string.formatter_parser('')).__name__, type(_string.formatter_field_name_split('')[1]).__name__)
