# '%.*f' and format() with precisions past what Rust's formatter takes (u16::MAX digits):
# the exact expansion, then zeros; too large for a C int is OverflowError.
import zlib
for p in [0, 5, 1100, 1101, 70000, 2**31]:
    for x in [1.5, 1/7, 5e-324, -0.0, 1e300, -2.5e-300]:
        try:
            s = '%.*f' % (p, x)
            print(p, len(s), s[:12], s[-3:], zlib.crc32(s.encode()))
        except Exception as e:
            print(p, type(e).__name__, e)
print(len(format(1.5, '.70000f')), format(5e-324, '.1080f')[-10:], zlib.crc32(format(1/3, '.66000f').encode()))
