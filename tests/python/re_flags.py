# re: flags — IGNORECASE (ASCII and Unicode folding incl. special cases), MULTILINE,
# DOTALL, VERBOSE, ASCII, LOCALE (bytes), inline and scoped flags; Pattern repr/eq/hash.
from re_helpers.shim import re

print(re.match('(?i)straße', 'STRASSE'), re.match('(?i)ǅ', 'ǆ'), re.match('(?i)k', 'K'))
print(re.match('(?i)[k]', '\u212a'), re.match('(?i)s', 'ſ'), re.match('(?i)[a-z]+', 'ÀbC'))
print(re.match('(?i)[à-ÿ]+', 'ÀÉÎ'), re.match('(?i)σ+', 'Σσς'), re.match('(?i)µ', 'Μ'))
print(re.match('(?ia)k', '\u212a'), re.match('(?ia)[a-z]', 'K'), re.match(b'(?i)ab', b'AB'))
print(re.match('(?i)[^a]', 'A'), re.match('(?i)[^a]', 'b'), re.match('(?i)x[^y]z', 'XYZ'))
print(re.match(r'(?i)\u0130', 'i\u0307'), re.match('(?i)İ', 'i'), re.match('(?i)ß', 'ẞ'))
print(re.findall('(?i)[ǅ-ǆ]', 'Ǆǅǆ'), re.search('(?i)ﬀ', 'FF'))
print(re.findall('^a', 'a\na', re.M), re.findall('a$', 'a\na', re.M), re.findall('^a', 'a\na'))
print(re.findall('.', 'a\nb', re.S), re.findall('.', 'a\nb'), re.findall('(?s:.)(.)', 'a\n\nb'))
p = re.compile(r'''
    (\d+)   # number
    \s* ,   # comma
    [ ]x    # a space then x
''', re.X)
print(p.match("12 , x"), bool(p.flags & re.X))
print(re.findall(r'\w+', 'héllo wörld', re.A), re.findall(r'\d', '٣3', re.A), re.findall(r'\s', '\u2003 ', re.A))
print(re.findall(r'(?a:\w)\w', 'éé aé'), re.findall(r'\bé', ' é', re.A), re.findall(r'\bé', ' é'))
print(re.match(b'(?L)\\w+', b'ab_1'), re.match(b'(?Li)ab', b'AB'), re.match(b'(?L)\\bab', b'ab'))
print(re.match(b'\\w+', b'\xe9ab'), re.match(b'(?i)\xe9', b'\xc9'))
print(re.compile('x', re.I), re.compile('x', re.I | re.S | re.X), re.compile(b'x', re.L | re.I))
print(re.compile('x', re.A), re.compile('x', re.U), re.compile('(?s)x'), re.compile('x' * 300))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile('a') != re.compile('b'))
print(hash(re.compile('ab')) == hash(re.compile('ab')), re.compile('a').flags, re.compile(b'a').flags)
print(re.compile('(?i)a').flags, re.compile('a', re.M).flags)
for bad in [('(?L)a', 0), (b'(?u)a', 0), ('(?a)(?u)x', 0)]:
    try:
        re.compile(*bad)
    except Exception as e:
        print(type(e).__name__, e)
