# The builtin hash modules hashlib falls back on: digests, copies, attributes, errors.
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

data = b"The quick brown fox jumps over the lazy dog" * 3
for ctor in (_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
             _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s):
    h = ctor()
    h.update(data[:10])
    c = h.copy()
    h.update(memoryview(data[10:]))
    c.update(bytearray(data[10:]))
    print(h.name, h.digest_size, h.block_size, type(h).__name__, type(h).__module__)
    print(" ", h.hexdigest(), h.digest() == c.digest(), ctor(data).hexdigest() == h.hexdigest())
    print(" ", ctor(b"").hexdigest()[:16])
for s in (_sha3.shake_128, _sha3.shake_256):
    h = s(data)
    print(h.name, h.digest_size, h.block_size, h._capacity_bits, h._rate_bits, h._suffix)
    print(" ", h.hexdigest(20), h.digest(0), len(h.digest(300)))
    for bad in (-1, "x", 1.5, 2**64):
        try:
            h.digest(bad)
        except Exception as e:
            print(" ", type(e).__name__, e)
k = _sha3.sha3_256(b"abc")
print(k._capacity_bits, k._rate_bits, k._suffix)
print(_md5.md5(string=b"a").hexdigest(), _sha1.sha1(b"a", usedforsecurity=False).hexdigest())
print(_blake2.blake2b(b"a", key=b"k", salt=b"s", person=b"p", fanout=2, depth=3, leaf_size=5, node_offset=7,
                      node_depth=1, inner_size=9, last_node=True).hexdigest())
print(_blake2.blake2s(b"a", key=b"k", salt=b"s", person=b"p", fanout=2, depth=3, leaf_size=5, node_offset=7,
                      node_depth=1, inner_size=9, last_node=True, digest_size=20).hexdigest())
print(_blake2.blake2b(digest_size=10).hexdigest(), _blake2.blake2b(last_node=[1]).hexdigest()[:8])
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.blake2b.SALT_SIZE, _blake2.blake2s.MAX_DIGEST_SIZE)
print(sorted(n for n in dir(_sha256) if not n.startswith("__")), sorted(n for n in dir(_sha512) if not n.startswith("__")))
bad_calls = [
    lambda: _md5.md5("text"), lambda: _md5.md5(5), lambda: _md5.md5().update("s"), lambda: _md5.md5(None),
    lambda: _md5.md5(data=b"x"), lambda: _sha256.sha256(b"a", b"b"), lambda: _sha3.sha3_224(data=b"a"),
    lambda: _blake2.blake2b(data=b"a"), lambda: type(_md5.md5())(),
    lambda: _blake2.blake2b(digest_size=0), lambda: _blake2.blake2b(digest_size=65), lambda: _blake2.blake2s(digest_size=33),
    lambda: _blake2.blake2b(key=b"x" * 65), lambda: _blake2.blake2b(salt=b"x" * 17), lambda: _blake2.blake2s(person=b"x" * 9),
    lambda: _blake2.blake2b(fanout=256), lambda: _blake2.blake2b(depth=0), lambda: _blake2.blake2b(leaf_size=-1),
    lambda: _blake2.blake2b(leaf_size=2**32), lambda: _blake2.blake2b(node_offset=-1), lambda: _blake2.blake2b(node_offset=2**64),
    lambda: _blake2.blake2s(node_offset=2**48), lambda: _blake2.blake2b(node_depth=256), lambda: _blake2.blake2b(inner_size=65),
    lambda: _blake2.blake2b(digest_size="x"), lambda: _blake2.blake2b(key="x"),
]
for f in bad_calls:
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
big = bytes(range(256)) * 4000
print(_sha256.sha256(big).hexdigest(), _blake2.blake2b(big).hexdigest()[:16])
