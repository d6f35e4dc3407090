# bytes * n for every small source length and count (one byte is filled, longer sources
# are copied in doubling runs), and the large zero-filled buffers modules make at import.
for src in (b"", b"x", b"ab", b"abc", b"\x00\xff\x10\x20\x30"):
    for n in (0, 1, 2, 3, 5, 8, 13):
        r = src * n
        assert r == b"".join([src] * n), (src, n)
        print(len(src), n, len(r), r[:12], r[-3:])
big = b"\x00" * 65536
print(len(big), big.count(0), big[:2], big[-2:])
pat = b"0123456789" * 10007
print(len(pat), pat[99995:100020], pat.count(b"9"))
print(b"ab" * -3, 3 * b"cd", bytes(b"q") * 1 is not None)
