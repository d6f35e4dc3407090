# zlib: one-shot and streaming compression with byte-identical output to CPython's zlib,
# every container (zlib, raw, gzip, auto), dictionaries, max_length/unconsumed_tail,
# unused_data/eof, flush modes, copies, checksums, errors; then gzip and zipfile in memory.
import zlib


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


text = b''.join(b'line %d: the quick brown fox jumps over the lazy dog\n' % i for i in range(2000))
noise = bytes((i * 7919 + i // 3) % 251 for i in range(20000))
for level in [-1, 0, 1, 6, 9]:
    for wbits in [15, 9, -15, 31]:
        c = zlib.compress(text, level, wbits)
        print(level, wbits, len(c), zlib.crc32(c), zlib.decompress(c, wbits) == text)
print(zlib.compress(b''), zlib.compress(b'a'), zlib.compress(noise)[:20], len(zlib.compress(noise)))
print(zlib.decompress(zlib.compress(text, 9, 31), 47) == text, zlib.decompress(zlib.compress(text), 0) == text)
print(len(zlib.decompress(zlib.compress(text), bufsize=1)))

# Errors.
show(lambda: zlib.decompress(b'abc'))
show(lambda: zlib.decompress(zlib.compress(b'hello')[:-3]))
show(lambda: zlib.compress(b'x', 10))
show(lambda: zlib.compress(b'x', wbits=3))
show(lambda: zlib.compressobj(10))
show(lambda: zlib.compressobj(zdict=1))
show(lambda: zlib.decompressobj(zdict=1))
show(lambda: zlib.decompressobj(wbits=3))
show(lambda: zlib.decompress(b'x', bufsize=-1))
show(lambda: zlib.decompressobj().decompress(b'', -1))
show(lambda: zlib.decompressobj().flush(0))
show(lambda: zlib.compress('x'))
show(lambda: zlib.crc32('x'))
show(lambda: zlib.decompress(b'x\xbb\x00\x00\x00\x00'))
show(lambda: zlib.compress())
show(lambda: zlib.decompress(b'', 15, 16384, 4))

# Streaming compression: chunked input, flush modes, copies.
for level in [1, 6, 9]:
    c = zlib.compressobj(level)
    parts = [c.compress(text[i:i + 5000]) for i in range(0, len(text), 5000)]
    parts.append(c.flush())
    whole = b''.join(parts)
    print(level, len(whole), whole == zlib.compress(text, level))
c = zlib.compressobj(6, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
a = c.compress(text[:1000]) + c.flush(zlib.Z_SYNC_FLUSH)
print(len(a), a[-4:], c.flush(zlib.Z_NO_FLUSH))
b = c.copy()
print(c.compress(b'tail') + c.flush() == b.compress(b'tail') + b.flush())
full = c.compress(b'more') if False else None
for mode in [zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK]:
    c = zlib.compressobj()
    print(mode, c.compress(b'abc' * 10) + c.flush(mode), len(c.flush()))
c = zlib.compressobj()
c.compress(b'a')
c.flush()
show(lambda: c.compress(b'a'))
show(lambda: c.flush())
show(lambda: c.copy())
show(lambda: zlib.Compress())
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)

# Streaming decompression.
comp = zlib.compress(text)
d = zlib.decompressobj()
out = b''.join(d.decompress(comp[i:i + 100]) for i in range(0, len(comp), 100))
print(len(out), out == text, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
got = d.decompress(comp, 1000)
print(len(got), len(d.unconsumed_tail), d.eof)
while d.unconsumed_tail:
    got += d.decompress(d.unconsumed_tail, 1000)
got += d.flush()
print(got == text, d.eof)
d = zlib.decompressobj()
print(d.decompress(comp + b'extra bytes') == text, d.unused_data, d.eof)
print(d.decompress(b'more'), d.unused_data)
d = zlib.decompressobj()
part = d.decompress(comp[:len(comp) // 2])
print(len(part) + len(d.flush()) < len(text), d.eof)
d = zlib.decompressobj()
d.decompress(comp[:50])
e = d.copy()
print(d.decompress(comp[50:]) == e.decompress(comp[50:]), e.eof)
d = zlib.decompressobj()
show(lambda: d.decompress(b'garbage data'))
d = zlib.decompressobj(-15)
print(d.decompress(zlib.compress(b'raw', 9, -15)), d.eof)

# Dictionaries.
zd = b'the quick brown fox jumps over the lazy dog'
c = zlib.compressobj(zdict=zd)
cd = c.compress(text[:500]) + c.flush()
print(len(cd), cd[:12])
print(zlib.decompressobj(zdict=zd).decompress(cd) == text[:500])
show(lambda: zlib.decompress(cd))
show(lambda: zlib.decompressobj().decompress(cd))
c = zlib.compressobj(wbits=-15, zdict=zd)
raw = c.compress(text[:500]) + c.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(raw) == text[:500])

# Checksums.
for d in [b'', b'hello', text, noise]:
    print(zlib.crc32(d), zlib.adler32(d), zlib.crc32(d, 12345), zlib.adler32(d, 12345), zlib.adler32(d, -1))
show(lambda: zlib.adler32())
show(lambda: zlib.adler32(b'', 1, 2))

print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.ZLIB_VERSION[:2])
print(sorted(n for n in dir(zlib) if not n.startswith('__')))
print([getattr(zlib, n) for n in sorted(dir(zlib)) if n.isupper() and not n.startswith('ZLIB')])
