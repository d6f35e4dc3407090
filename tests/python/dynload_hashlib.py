# _hashlib (OpenSSL) from CPython's lib-dynload: hashlib's constructors, hmac, pbkdf2, scrypt.
import _hashlib
import hashlib
import hmac

print(hashlib.new("sha256").__class__.__module__, type(hashlib.sha256()).__name__)
print(sorted(n for n in hashlib.algorithms_guaranteed))
print({"sha256", "md5", "sha3_256", "blake2b"} <= hashlib.algorithms_available)
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha512_256", "blake2b"):
    h = hashlib.new(name, b"ferropy")
    h.update(b" and openssl")
    c = h.copy()
    c.update(b"!")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest()[:32], c.hexdigest()[:16])
sh = hashlib.new("shake_128", b"x")
print(sh.hexdigest(10), len(sh.digest(33)))
print(_hashlib.openssl_sha256(b"abc").hexdigest())
print(hashlib.sha256(b"abc", usedforsecurity=False).hexdigest()[:20])
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, dklen=10).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=1024, r=8, p=16, dklen=32).hex())
print(hmac.new(b"key", b"msg", "sha256").hexdigest())
print(hmac.digest(b"key", b"msg", "md5").hex())
print(_hashlib.hmac_digest(b"k", b"m", "sha512")[:8].hex())
print(_hashlib.compare_digest(b"abc", b"abc"), _hashlib.compare_digest("a", "b"))
print(_hashlib.get_fips_mode())
for bad in (lambda: hashlib.new("nope"), lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0),
            lambda: hashlib.sha256("text"), lambda: _hashlib.new("sha256", 5),
            lambda: hashlib.scrypt(b"p", salt=b"s", n=3, r=1, p=1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
h = hashlib.sha256()
h.update(memoryview(b"abc" * 1000)[::1])
print(h.hexdigest()[:12], repr(h)[:28])
