# unicodedata.normalize/is_normalized: every code point alone in the four forms (hashed per
# plane, both database versions), then constructed sequences that exercise canonical
# ordering, blocked and unblocked composition, composition exclusions, singletons, Hangul
# jamo and syllables, and is_normalized against normalize.
import unicodedata
import zlib

FORMS = ["NFC", "NFD", "NFKC", "NFKD"]


def digest(values):
    return zlib.crc32(repr(values).encode())


for db_name, db in (("current", unicodedata), ("3.2.0", unicodedata.ucd_3_2_0)):
    for plane in (0, 1, 2, 3, 14):
        chars = [chr(c) for c in range(plane << 16, (plane + 1) << 16) if not 0xD800 <= c < 0xE000]
        row = [digest([db.normalize(f, c) for c in chars]) for f in FORMS]
        row += [digest([db.is_normalized(f, c) for c in chars]) for f in FORMS]
        print(db_name, plane, " ".join(f"{h:08x}" for h in row))

# Sequences: a base, then marks in every order from a set with different classes, and
# characters that compose or are excluded from composition.
bases = "aeouAEOUn\u00e9\u1e9b\u0391\u03c9\u0418\u05d0\u0627\u0915\u09c7\u0b47\u0bc6\u0cc6\u0d46\u0dd9\u1025\u1b05\u3046\u30cf\u1100\uac00\uac01\u1111\u2126\u212b\u0958\ufb2c\u0f73"
marks = "\u0300\u0301\u0308\u0323\u0327\u0328\u031b\u0345\u05b0\u05bc\u0651\u093c\u09be\u09d7\u0b3e\u0b56\u0bbe\u0bd7\u0cc2\u0cd5\u0d3e\u0dca\u0dcf\u102e\u1b35\u3099\u309a\u1161\u1175\u11a8\u11c2\u0f72\u0f74\u0f80\u0344\u0340\u0341"
seqs = []
for b in bases:
    for i, m1 in enumerate(marks):
        seqs.append(b + m1)
        for m2 in marks[i::5]:
            seqs.append(b + m1 + m2)
            seqs.append(b + m2 + m1 + b)
for i in range(0, len(marks) - 2):
    seqs.append(marks[i:i + 3] + "a" + marks[i:i + 3])
# Compatibility characters next to marks and Hangul in pieces.
seqs += ["\ufb01\u0301", "\u2460\u0300", "\u1e9b\u0323", "\u00c5\u030a", "\uac00\u11a8",
         "\u1100\u1161\u11a8", "\u1100\u1161\u11a7", "\u1100\u0301\u1161", "\u1112\u1175\u11c2",
         "\ud55c\uad6d\uc5b4", "\u3131\u314f", "\u0f77\u0f79", "\u2ad0\u0338", "\u2add\u0338",
         "\U0001d15e\U0001d165", "\U000110a5\U000110ba", "\U00011131\U00011127", ""]
for db_name, db in (("current", unicodedata), ("3.2.0", unicodedata.ucd_3_2_0)):
    results = []
    for s in seqs:
        for f in FORMS:
            n = db.normalize(f, s)
            results.append(n)
            if db.is_normalized(f, s) != (n == s):
                print("is_normalized disagrees", db_name, f, ascii(s))
            if db.normalize(f, n) != n:
                print("not idempotent", db_name, f, ascii(s))
    print(db_name, len(seqs), f"{digest(results):08x}")

for s in ["\u1e9b\u0323", "\uac00\u11a8", "e\u0323\u0301", "\u0958", "\u2126", "Ａ\u0301"]:
    print(ascii(s), [ascii(unicodedata.normalize(f, s)) for f in FORMS])

# Normalized text comes back as the same object.
s = "plain ascii text"
print(unicodedata.normalize("NFC", s) is s, unicodedata.normalize("NFKD", s) is s)

for args in [("NFX", "a"), ("nfc", "a"), ("NFC", 5), (5, "a"), ("NFC",), ("NFC", "a", "b")]:
    for fn in (unicodedata.normalize, unicodedata.is_normalized):
        try:
            print(fn(*args))
        except Exception as e:
            print(type(e).__name__, e)
try:
    unicodedata.normalize(form="NFC", unistr="a")
except Exception as e:
    print(type(e).__name__, e)
