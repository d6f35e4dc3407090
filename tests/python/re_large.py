# re: long texts and deep backtracking state (explicit stacks, no C recursion), patterns
# that backtrack a lot, nested repeats.
from re_helpers.shim import re

s = 'ab' * 200000 + 'c'
print(re.match(r'(?:a|b)*c', s).span(), re.match(r'(ab)*c', s).span(1), re.match(r'(?:ab)*?c', s).end())
print(re.match(r'(a|b)*?c', s).span(1), re.fullmatch(r'(?:(?:a)(?:b))+c', s) is not None)
print(len(re.findall(r'a', s)), len(re.split('b', s)), len(re.sub('a', 'xy', s)))
print(re.search(r'(x+x+)+y', 'x' * 16), re.match(r'(a|aa)*c', 'a' * 20), re.match(r'^(\w+\s?)*$', 'a' * 18 + '!'))
print(re.match(r'(?:a+)+b', 'a' * 16), re.match(r'(a+)+$', 'a' * 16 + 'b'), re.match(r'(.*a){6}', 'a' * 20 + 'b').span(1))
print(re.match(r'(a*)*b', 'a' * 12), re.match(r'(?:(?:(?:a)*)*)*b', 'a' * 12 + 'b').span())
print(re.match(r'(' * 50 + 'a' + ')' * 50, 'a').lastindex, re.match(r'(?:a{1,3}){1,1000}', 'a' * 2500).end())
print(re.search(r'needle', 'hay' * 100000 + 'needle').span(), re.search(r'[xyz]end', 'a' * 300000 + 'zend').span())
print(re.search(r'\d{4}-\d{2}', 'abc ' * 50000 + '2024-01').span(), re.search(r'^b', 'a' * 100000 + '\nb', re.M).span())
print(re.match(r'(?>a*)*b', 'a' * 1000 + 'b').span(), re.match(r'(?:a*+)*b', 'a' * 1000).__class__.__name__)
