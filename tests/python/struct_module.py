# The struct module (_struct): every format code in every byte-order mode, sizes and
# alignment, range errors with CPython's messages, the Struct type, offsets, iter_unpack.
import struct


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


# Sizes and alignment.
for fmt in ['c', 'ci', '<ci', 'c0l', 'c 2i', '3sB', 'l', '=l', '<q', 'bhilqnNP', '@e', 'xxxH',
            '5p', '0s', '', '   ', 'c0q', '!d', '10x']:
    print(fmt, struct.calcsize(fmt))

# Round trips through every code and mode.
ints = {'b': [-128, 127, 0], 'B': [0, 255], 'h': [-32768, 32767], 'H': [0, 65535],
        'i': [-2**31, 2**31 - 1], 'I': [0, 2**32 - 1], 'l': [-2**31, 2**31 - 1],
        'L': [0, 2**32 - 1], 'q': [-2**63, 2**63 - 1], 'Q': [0, 2**64 - 1]}
for pre in ['', '@', '=', '<', '>', '!']:
    for code, vals in ints.items():
        for v in vals:
            b = struct.pack(pre + code, v)
            assert struct.unpack(pre + code, b) == (v,)
            print(pre + code, v, b.hex())
for code in 'nNP':
    for v in [0, 1, 2**40]:
        print(code, struct.pack(code, v).hex(), struct.unpack(code, struct.pack(code, v)))
print(struct.pack('P', -1).hex(), struct.unpack('n', struct.pack('n', -5)))

# Floats: half, single, double, specials, rounding.
for pre in ['<', '>', '']:
    for v in [0.0, -0.0, 1.5, 65504.0, 1e-7, 6e-8, float('inf'), float('-inf'), 1/3, 2.5e38]:
        for code in 'efd':
            show(lambda: (struct.pack(pre + code, v).hex(), struct.unpack(pre + code, struct.pack(pre + code, v))))
print(struct.pack('>e', float('nan')).hex(), struct.unpack('>e', b'\x7e\x00'))
show(lambda: struct.pack('e', 65520.0))
show(lambda: struct.pack('<f', 1e300))
print(struct.pack('f', 1e300).hex())  # native single: inf, no error
print(struct.pack('d', 3), struct.pack('f', True).hex())

# Strings, chars, bools, padding.
print(struct.pack('5s', b'abcdefgh'), struct.pack('5s', b'ab'), struct.pack('0s', b'ab'))
print(struct.pack('5p', b'abcdefgh'), struct.pack('0p', b'ab'), struct.pack('1p', b'ab'))
print(struct.pack('300p', b'a' * 300)[:3], struct.unpack('300p', struct.pack('300p', b'a' * 300))[0][-3:])
print(struct.pack('3s', bytearray(b'xyz')), struct.pack('c', b'\xff'), struct.pack('2?', 0, 'a'))
print(struct.unpack('<?2s3pcx e f d', bytes(range(1, 24))))
print(struct.unpack('3p', b'\x09ab'), struct.unpack('?', b'\x02'))
print(struct.pack('x2xc', b'q'))

# Range errors: the wording depends on the code and the mode.
for pre in ['', '<', '>', '=', '!']:
    for code in 'bBhHiIlLqQnNP':
        for v in [2**70, -2**70, 2**63, 2**40, 300, -1, -200, 'x', 1.5]:
            try:
                struct.pack(pre + code, v)
            except struct.error as e:
                print(pre + code, v, e)

# Other argument errors.
class Idx:
    def __index__(self):
        return 7
class BadIdx:
    def __index__(self):
        raise ValueError('nope')
print(struct.pack('i', Idx()), struct.pack('?', Idx()))
show(lambda: struct.pack('i', BadIdx()))
show(lambda: struct.pack('d', 'x'))
show(lambda: struct.pack('c', b'ab'))
show(lambda: struct.pack('c', 'a'))
show(lambda: struct.pack('s', 'a'))
show(lambda: struct.pack('p', 1))
show(lambda: struct.pack())
show(lambda: struct.pack('i'))
show(lambda: struct.pack('i', 1, 2))
show(lambda: struct.pack(1))
show(lambda: struct.pack([], 1))
show(lambda: struct.calcsize('2'))
show(lambda: struct.calcsize('<2'))
show(lambda: struct.calcsize('ii#'))
show(lambda: struct.calcsize('2 i'))
show(lambda: struct.calcsize('i<'))
show(lambda: struct.calcsize('<n'))
show(lambda: struct.calcsize('99999999999999999999i'))
show(lambda: struct.calcsize('9223372036854775807q'))
show(lambda: struct.calcsize('é'))

# pack_into / unpack_from offsets.
b = bytearray(8)
struct.pack_into('<i', b, 2, 7)
print(b)
struct.pack_into('>h', b, -2, 258)
print(b)
show(lambda: struct.pack_into('i'))
show(lambda: struct.pack_into('i', bytearray(4)))
show(lambda: struct.pack_into('i', bytearray(4), 0))
show(lambda: struct.pack_into('i', bytearray(5), 2, 1))
show(lambda: struct.pack_into('i', bytearray(5), -10, 1))
show(lambda: struct.pack_into('i', bytearray(5), -2, 1))
show(lambda: struct.pack_into('i', b'12345', 0, 1))
show(lambda: struct.pack_into('i', bytearray(5), 'x', 1))
show(lambda: struct.unpack('i', b'12'))
show(lambda: struct.unpack('i', 5))
show(lambda: struct.unpack('i', 'abcd'))
show(lambda: struct.unpack('i'))
show(lambda: struct.unpack_from('i', b'12', 0))
show(lambda: struct.unpack_from('i', b'12345', 3))
show(lambda: struct.unpack_from('i', b'12345', -2))
show(lambda: struct.unpack_from('i', b'12345', -10))
show(lambda: struct.unpack_from('<i', b'12345', -4))
show(lambda: struct.unpack_from('i', buffer=b'12345', offset=1))
show(lambda: struct.unpack_from('<h', memoryview(b'abcdef')[2:]))
show(lambda: struct.unpack('<i', array_like) if False else struct.unpack('<H', bytearray(b'\x01\x02')))

# iter_unpack.
it = struct.iter_unpack('<h', b'123456')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
show(lambda: struct.iter_unpack('i', b'12345'))
show(lambda: struct.iter_unpack('', b''))
print(list(struct.iter_unpack('<2B', bytearray(b'abcd'))))

# The Struct type.
s = struct.Struct('>3h')
print(s.format, s.size, s.pack(1, 2, 3), s.unpack(b'\x00\x01\x00\x02\x00\x03'))
print(struct.Struct(b'<i').format, struct.Struct(b'<i').size)
print(s.unpack_from(b'\x00\x00\x00\x01\x00\x02\x00\x03', 2), list(s.iter_unpack(bytes(12))))
show(lambda: struct.Struct(5))
show(lambda: struct.Struct())
show(lambda: struct.Struct('zz'))
show(lambda: s.pack(1))
class Sub(struct.Struct):
    pass
sub = Sub('<q')
print(type(sub).__name__, sub.pack(-1), sub.size, isinstance(sub, struct.Struct))
s.__init__('<B')
print(s.format, s.size, s.pack(9))
print(struct.Struct.__module__, struct.error.__module__, issubclass(struct.error, Exception))
print(struct.__name__, sorted(n for n in dir(struct) if not n.startswith('__')))
struct._clearcache()
print(struct.pack('<I', 1))
# The cache holds at most 100 formats but results stay correct past it.
print(sum(struct.calcsize('%dB' % i) for i in range(300)))
