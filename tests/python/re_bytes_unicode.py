# re: bytes patterns over bytes, bytearray and memoryview; str kinds (latin-1, BMP, astral);
# type errors mixing str and bytes.
from re_helpers.shim import re

print(re.findall(rb'\d+', b'a12b345'), re.findall(rb'\d+', bytearray(b'7x8')), re.search(rb'b+', memoryview(b'abbc')))
m = re.search(rb'(b+)', bytearray(b'abbc'))
print(m.group(), m.group(1), type(m.group(1)).__name__, m.string)
print(re.sub(rb'b', b'B', bytearray(b'abc')), re.split(rb',', memoryview(b'a,b')))
print(re.match(rb'[\x80-\xff]+', b'\x80\xff\x00'), re.match(rb'.', b'\n'), re.match(rb'\xe9', b'\xe9'))
for text in ('abc', 'déf', 'ĀāĂ', '日本語テキスト', 'a😀b😀c', 'x\U0010ffff'):
    print(re.findall(r'.', text), re.search(r'[^\x00-\x7f]+', text), re.findall(r'\w+', text))
print(re.search('[😀-😂]+', 'a😁😀b'), re.match('[^😀]', '😀'), re.findall('(?i)[ä-ö]', 'ÄöÜ'))
big = 'x' * 1000 + '€' + 'y'
print(re.search('€(y)', big).span(1))
for pat, s in ((r'a', b'a'), (rb'a', 'a'), (r'a', 1), (rb'a', None)):
    try:
        re.search(pat, s)
    except TypeError as e:
        print('TypeError', e)
try:
    re.compile('a').sub(b'x', 'a')
except TypeError as e:
    print('TypeError', e)
print(re.compile('a').search(string='ba'), re.compile(r'\d').findall('1a2', pos=1))
