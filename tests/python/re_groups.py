# re: groups, named groups, groupdict, span/start/end, lastindex/lastgroup, regs, expand,
# backreferences, conditional groups, Match accessors and errors.
from re_helpers.shim import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<x> x)?', 'Jane Doe y')
print(m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'first', 2), m[2], m['first'])
print(m.groups(), m.groups('-'), m.groups(default=0), m.groupdict(), m.groupdict('?'))
print(m.span(), m.span(2), m.start('last'), m.end(1), m.span('x'), m.start(3), m.end(3))
print(m.lastindex, m.lastgroup, m.regs, m.pos, m.endpos, m.string, m.re.pattern)
print(m.expand(r'\g<last>, \g<first> \2 \g<0>!'), m.expand(r'[\g<x>]'))
for bad in (4, -1, 'nope', 1.5):
    try:
        m.group(bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in ([1],):
    try:
        m.group(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    m.start(1, 2)
except TypeError as e:
    print(e)
print(m.group(True), m[False])

print(re.match(r'(a)(b)?(c)?', 'ac').lastindex, re.match(r'(a)(?:(b)|c)', 'ac').lastindex)
print(re.match(r'((a)(b))', 'ab').lastindex, re.match(r'(?P<o>(?P<i>a))', 'a').lastgroup)
print(re.match(r'a', 'a').lastindex, re.match(r'a', 'a').lastgroup, re.match('(a)|b', 'b').lastindex)
print(re.match(r'(a)+', 'aaa').span(1), re.match(r'(a|b)*', 'abab').group(1), re.match(r'(?:(a)|b)+', 'ab').group(1))
print(re.match(r'(a)*?b', 'aab').groups(), re.match(r'(a*)*', 'aa').groups(), re.match(r'(a*)+', 'aa').groups())

# backreferences
print(re.match(r'(\w+) \1', 'hey hey'), re.match(r'(\w+) \1', 'hey hex'), re.match(r'(?P<w>a+)(?P=w)', 'aaaa'))
print(re.match(r'(?i)(abc) \1', 'abc ABC'), re.match(r'(a)|\1', 'x'), re.search(r'(\w)\1', 'abccd'))
print(re.match(r'(a)?\1', 'b'), re.match(r'(a*)b\1', 'aabaa'))
# conditional groups
for s in ('<a>', 'a', '<a', 'a>'):
    print(s, re.fullmatch(r'(<)?a(?(1)>|)', s))
print(re.match(r'(?P<q>")?\w+(?(q)")', '"word"'), re.match(r'(a)?(?(1)b|c)', 'c'))
print(re.findall(r'(\w)(\d)?', 'a1bc2'), re.findall(r'((a)|b)+', 'ab ba'))
print(re.compile(r'(?P<a>x)(?P<b>y)').groupindex, re.compile(r'(a)(b)').groups)
print(type(re.compile('(?P<a>x)').groupindex).__name__)
print(m.__copy__() is m, re.compile('x').__copy__().pattern)
print(repr(re.match('a' * 60, 'a' * 60)))
print(repr(re.match(b'\\x00ab', b'\x00ab')), repr(re.match('\n', '\n')))
