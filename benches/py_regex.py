# The regular-expression engine (_sre): findall/search/sub/split/finditer over ~400 KB of
# generated text, with literal prefixes, character classes, groups, alternation,
# backreferences, case folding and look-around.
import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/../tests/python')
from re_helpers.shim import re  # `re` itself once it imports; a stand-in until then

words = ['alpha', 'Beta', 'gamma42', 'delta', 'x', 'epsilon', 'zeta_9', 'eta', 'theta', 'iota']
parts = []
seed = 12345
for i in range(60000):
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    w = words[seed % len(words)]
    parts.append(w)
    if seed % 7 == 0:
        parts.append('user%d@example.com' % (seed % 1000))
    if seed % 11 == 0:
        parts.append('2024-%02d-%02d' % (seed % 12 + 1, seed % 28 + 1))
    if seed % 13 == 0:
        parts.append('\n')
text = ' '.join(parts)
total = 0
for _ in range(3):
    total += len(re.findall(r'\b\w+@\w+\.com\b', text))
    total += len(re.findall(r'(\d{4})-(\d\d)-(\d\d)', text))
    total += len(re.findall(r'[A-Z][a-z]+', text))
    total += len(re.sub(r'\s+', ' ', text))
    total += len(re.sub(r'(\w+)@(\w+)', r'\2 at \1', text))
    total += len(re.split(r'[,\n]\s*', text))
    total += sum(m.end() - m.start() for m in re.finditer(r'(?i)theta|iota', text))
    total += len(re.findall(r'(?m)^\s*(\w+)', text))
    total += len(re.findall(r'\b(\w+) \1\b', text))
    total += len(re.findall(r'\w+(?=\d)', text))
    total += 1 if re.search(r'notfound\d', text) is None else 0
    total += len(re.findall(r'.*?a', text[:50000]))
print(total)
