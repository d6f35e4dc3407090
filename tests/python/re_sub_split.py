# re: sub/subn (templates with group references, callables, counts, empty matches), split
# (groups, maxsplit, empty matches), escape.
from re_helpers.shim import re

print(re.sub(r'(\w+)@(\w+)\.com', r'\2:\1', 'joe@ex.com, ann@site.com'))
print(re.sub(r'(?P<n>\d+)', r'<\g<n>>', 'a1b22'), re.sub(r'(\d)', r'\g<1>0', 'a1b2'))
print(re.sub(r'a', r'\n\t\\', 'xa'), re.sub('a', 'b', 'aaa', count=2), re.sub('a', 'b', 'aaa', 0))
print(re.subn(r'\s+', ' ', 'a  b   c\n'), re.subn('z', 'y', 'abc'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('(?:)', '|', ''))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.sub(r'(a)|b', lambda m: m.group(1) or 'B', 'abab'))
print(re.sub('a', lambda m: None, 'banana') if False else re.sub('n', lambda m: '', 'banana'))
print(re.sub(b'a+', b'-', b'baaad'), re.sub(b'(a)', br'[\1]', b'cat'))
print(re.sub(r'(b)?c', r'[\1]', 'ac bc'))
s = 'unchanged'
print(re.sub('q', 'z', s) is s)
for bad in (r'\9', r'\g<x>', r'\g<1', '\\'):
    try:
        re.sub('(a)', bad, 'a')
    except Exception as e:
        print(type(e).__name__, e)
try:
    re.sub('a', 1, 'a')
except TypeError as e:
    print('TypeError', e)

print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split('[a-f]+', '0a3B9', flags=re.I))
print(re.split(r'(\W+)?', '...words, words...'), re.split('x*', 'axbc'), re.split('', 'ab'))
print(re.split(r'(a)|b', 'xaybz'), re.compile(',').split('a,b,c', maxsplit=-1), re.split(',', ''))
print(re.split(b',', b'a,b'), re.split(r'\s', 'a b', maxsplit=5))
print(re.escape('a.b*c+d?(e)[f]{g}|h^i$j\\k l\tm-#&~'), re.escape(b'x.y'), re.escape('é_1'))
p = re.compile(r'(\d)')
print(p.sub(r'<\1>', 'a1b2', count=1), p.subn(repl='#', string='1 2 3'))
