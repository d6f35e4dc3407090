# binascii: hex, base64 (incl. strict mode), uu, quoted-printable, crc32/crc_hqx, errors;
# then base64, quopri and uu (the pure-Python modules on top of it).
import binascii


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


data = bytes(range(256)) + b'hello world' * 3
# hex
print(binascii.hexlify(b'\x00\xffab'), binascii.b2a_hex(b''), binascii.unhexlify('00fF61'))
for sep, n in [('-', 2), (b':', -4), (' ', 1), ('.', 5), ('_', -1), ('|', 0)]:
    show(lambda: binascii.hexlify(b'abcdefg', sep, n))
show(lambda: binascii.hexlify(b'abc', sep='ab'))
show(lambda: binascii.hexlify(b'abc', sep='\xe9'))
show(lambda: binascii.hexlify(data=b'ab', bytes_per_sep=1, sep='-'))
show(lambda: binascii.a2b_hex('abc'))
show(lambda: binascii.a2b_hex('zz'))
show(lambda: binascii.a2b_hex('\xe9a'))
show(lambda: binascii.a2b_hex(5))
show(lambda: binascii.b2a_hex('ab'))
show(lambda: binascii.unhexlify(bytearray(b'4142')))
show(lambda: binascii.unhexlify(memoryview(b'4142')))
assert binascii.unhexlify(binascii.hexlify(data)) == data

# base64
for n in range(8):
    e = binascii.b2a_base64(data[:n])
    print(n, e, binascii.b2a_base64(data[:n], newline=False), binascii.a2b_base64(e) == data[:n])
print(len(binascii.b2a_base64(data)), binascii.a2b_base64(binascii.b2a_base64(data)) == data)
for s in [b'YWJj\n', b'YWJ', b'Y', b'YW=Jj', b'=YWJj', b'YWJj=', b'YW\nJj', b'YWJjZA==YQ==',
          b'YWJjZA=', b'YWJjZ', b'YW!!Jj', b'YQ===', b'YQ', b'', b'====', b'Y=Q=', b'YWI=extra',
          'YWJj', b'YWJjZA== ']:
    for strict in (False, True):
        show(lambda: binascii.a2b_base64(s, strict_mode=strict))
show(lambda: binascii.a2b_base64())
show(lambda: binascii.a2b_base64(b'', True))
show(lambda: binascii.b2a_base64('abc'))
show(lambda: binascii.a2b_base64('\u20ac'))
show(lambda: binascii.a2b_base64(3.5))

# uu
for n in [0, 1, 2, 3, 4, 44, 45]:
    e = binascii.b2a_uu(data[:n])
    print(n, e[:20], binascii.b2a_uu(data[:n], backtick=True)[:20], binascii.a2b_uu(e) == data[:n])
for s in [b'#86)C\n', b'', b'#8', b'#86)C   xx', b'\x7f', b'!\x10', b'#86)C``\r\n', '#86)C']:
    show(lambda: binascii.a2b_uu(s))
show(lambda: binascii.b2a_uu(b'a' * 46))
show(lambda: binascii.b2a_uu(b'a', True))

# quoted-printable
samples = [b'h\xe9llo =\tx \n.\r\nabc', b'a_b c', b'x' * 100, b'line  \nnext\t\n', b'.', b'.\n.x',
           b'a\r\nb\nc', b'=' * 30, b'tab\tend\t', b'y' * 74 + b'=', b'z' * 76 + b'\n' + b'w' * 80,
           bytes(range(0, 40)), b'\r\n', b'a\rb']
for s in samples:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        e = binascii.b2a_qp(s, **kw)
        print(kw, e, binascii.a2b_qp(e, header=kw.get('header', False)) == s)
for s in [b'h=E9llo=\n_x=3', b'a=\r\nb', b'==41', b'=4', b'=g1', b'abc=', '=41=42', b'soft=  \nx']:
    show(lambda: (binascii.a2b_qp(s), binascii.a2b_qp(s, header=True)))

# checksums
for d in [b'', b'hello', data]:
    print(binascii.crc32(d), binascii.crc32(d, 5), binascii.crc32(d, -1), binascii.crc32(d, 2**40 + 3),
          binascii.crc_hqx(d, 0), binascii.crc_hqx(d, -1), binascii.crc_hqx(d, 0x12345))
show(lambda: binascii.crc32())
show(lambda: binascii.crc32(b'', 1, 2))
show(lambda: binascii.crc32('x'))
show(lambda: binascii.crc32(b'x', 1.5))
show(lambda: binascii.crc_hqx(b'x'))

print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
print(sorted(n for n in dir(binascii) if not n.startswith('__')))

# The modules built on binascii.
import base64
import quopri
print(base64.b64encode(data[:40]), base64.b64decode(base64.b64encode(data)) == data)
print(base64.urlsafe_b64encode(b'\xfb\xff\xfe'), base64.urlsafe_b64decode(b'-__-'))
print(base64.b32encode(b'hello'), base64.b32decode(b'NBSWY3DP'), base64.b16encode(b'\x01\xab'))
print(base64.b85encode(b'hello'), base64.a85encode(b'hello'), base64.b85decode(base64.b85encode(data)) == data)
print(base64.encodebytes(data[:100]))
show(lambda: base64.b64decode(b'abc'))
show(lambda: base64.b64decode(b'ab!c', validate=True))
print(quopri.encodestring(b'caf\xe9 = ok\n'), quopri.decodestring(b'caf=E9 =3D ok\n'))
