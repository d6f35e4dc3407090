# re: match/search/fullmatch/findall/finditer, quantifiers (greedy, lazy, possessive),
# alternation, anchors, classes, compared with CPython.
from re_helpers.shim import re

cases = [
    (r'a+b', 'aaab'), (r'a*', ''), (r'a*', 'bbb'), (r'a|ab', 'ab'), (r'(?:ab|a)c', 'abc'),
    (r'x{2,3}', 'xxxxx'), (r'x{2,3}?', 'xxxxx'), (r'x{2}', 'x'), (r'x{,2}y', 'xxy'), (r'x{3,}', 'xxxxxx'),
    (r'a.c', 'abc'), (r'a.c', 'a\nc'), (r'[abc]+', 'cabbage'), (r'[^abc]+', 'xyzabc'),
    (r'[a-f0-9]+', 'deadBEEF'), (r'[\d\s]+', '12 34x'), (r'\w+', 'héllo wörld'), (r'\W+', 'ab, cd'),
    (r'\d+', '٣٤٥ 12'), (r'\s+', '\u2003\t x'), (r'[\u0400-\u04ff]+', 'abc Привет'),
    (r'^abc$', 'abc'), (r'^abc$', 'abc\n'), (r'abc\Z', 'abc\n'), (r'\Aabc', 'xabc'),
    (r'\bcat\b', 'concat cat'), (r'\Bcat', 'concat'), (r'\B', ''), (r'\b', ''),
    (r'.*?b', 'aaabab'), (r'.*b', 'aaabab'), (r'.+?', 'abc'), (r'a??b', 'ab'),
    (r'a*+b', 'aaab'), (r'a*+a', 'aaa'), (r'a++', 'aaa'), (r'a?+a', 'a'), (r'a{1,2}+a', 'aaa'),
    (r'(?:ab)*+ab', 'ababab'), (r'(?:ab)++', 'ababx'), (r'(?:a|ab){2,}+c', 'aabc'),
    (r'(?>a+)b', 'aaab'), (r'(?>a+)a', 'aaa'), (r'(?>ab|a)c', 'ac'), (r'(?>ab|a)b', 'ab'),
    (r'(a|b|c|d)+z', 'abcdz'), (r'(?:x|y|z)q', 'zq'), (r'[]a]+', ']a]'), (r'[a-]+', 'a-a'),
    (r'\x41\u00e9\U0001F600', 'Aé😀'), (r'\t\n', '\t\n'), (r'[.]', '.'), (r'\.', 'a'),
    (r'(?:)', 'abc'), (r'()+', 'a'), (r'(a*)+', 'aaa'), (r'(a*)*', 'b'), (r'(a|)+b', 'aab'),
    (r'(?:a{0,3}){2}b', 'aaaab'), (r'(?:a+?){2,}?b', 'aaab'), (r'(?:ab){2,3}?c', 'abababc'),
]
for p, s in cases:
    c = re.compile(p)
    m, f, se = c.match(s), c.fullmatch(s), c.search(s)
    print(repr(p), repr(s), m and m.span(), f and f.span(), se and (se.span(), se.group()),
          c.findall(s), [x.span() for x in c.finditer(s)])

# positions
c = re.compile(r'\w')
print(c.search('abcd', 2), c.match('abcd', 1, 2), c.match('abcd', 3, 2), c.search('abcd', -5, 100))
print(c.findall('abcdef', 1, 4), c.fullmatch('abc', 1, 2), re.compile('^b').search('ab', 1))
print(re.compile('b$').search('ab', 0, 2), re.compile('a$').search('ab', 0, 1))
print(c.match(string='xy', pos=1), c.search('xy', endpos=1))
print(re.compile(r'$').findall('a\nb\n'), re.compile(r'(?m)^').findall('a\nb\n'))
print(re.findall(r'', 'abc'), re.findall(r'a|', 'bab'))
