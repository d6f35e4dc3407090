# re: look-ahead, look-behind (positive and negative), nested, at the ends of the text,
# with groups captured inside.
from re_helpers.shim import re

print(re.findall(r'\w+(?=,)', 'a, b, c'), re.findall(r'\w+(?!,)\b', 'a, b, c'))
print(re.findall(r'(?<=-)\w+', 'x -a -b'), re.findall(r'(?<!-)\b\w+', 'x -a -b'))
print(re.search(r'(?<=abc)def', 'abcdef'), re.search(r'(?<!abc)def', 'abcdef'), re.search(r'(?<=^)a', 'a'))
print(re.match(r'(?=(\w+))\w', 'hello').groups(), re.match(r'(?!(a))\w', 'b').groups())
print(re.search(r'(?<=(a))b', 'ab').groups(), re.search(r'(?<=a(?=b))b', 'ab'))
print(re.search(r'x(?=y(?!z))', 'xyz xy'), re.search(r'(?<![a-z])\d', 'a1 2'))
print(re.findall(r'(?<=\d{3})x', '12x 123x'), re.search(r'(?<=é)😀', 'é😀'), re.search(r'(?<=ab|cd)e', 'cde'))
print(re.search(r'\d+(?=€)', '10$ 20€'), re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
print(re.match(r'(?=a)', ''), re.match(r'(?!a)', ''), re.search(r'(?<=a)', 'a'), re.search(r'(?<!a)$', 'a'))
print(re.fullmatch(r'(?:(?!ab).)*', 'xxaxb'), re.fullmatch(r'(?:(?!ab).)*', 'xxab'))
print(re.findall(r'(?=(aa))', 'aaaa'), re.search(r'a(?=b)|ac', 'ac'))
try:
    re.compile(r'(?<=a+)b')
except re.error as e:
    print('error', e)
