# Unicode 3.2.0 users: stringprep's tables (on unicodedata.ucd_3_2_0) over every code point,
# and the idna codec (nameprep + punycode) both ways, with its errors.
import stringprep
import unicodedata
import zlib

TABLES = [name for name in dir(stringprep) if name.startswith("in_table_")]
for name in TABLES:
    fn = getattr(stringprep, name)
    crc = 0
    for plane in (0, 1, 2, 14):
        crc = zlib.crc32(bytes(fn(chr(c)) for c in range(plane << 16, (plane + 1) << 16)), crc)
    print(name, f"{crc:08x}")
print([ascii(stringprep.map_table_b2(c)) for c in "\u00df\u0130\u03a3\u1e9e\u2126\u00aa\u2160\u33c6"])

for domain in ["bücher.example", "Bücher.Example", "ﬁnance.example", "straße.de", "мама.рф",
               "日本語.jp", "ÄÖÜ.example.", "xn--bcher-kva.example", "example.com", "a\u0301.example",
               "\u2126.example", "\u1100\u1161.kr"]:
    try:
        enc = domain.encode("idna")
        print(ascii(domain), enc, ascii(enc.decode("idna")))
    except UnicodeError as e:
        print(ascii(domain), type(e).__name__, e)
for bad in ["a\u200e.example", "\u0627a\u0627.example", "a" * 64 + ".example", "a..b", "\u0221.example",
            "\U000e0001.example", "\u0340.example"]:
    try:
        print(ascii(bad), bad.encode("idna"))
    except UnicodeError as e:
        print(ascii(bad), type(e).__name__, e)
print(unicodedata.ucd_3_2_0.normalize("NFKC", "\u2f868\U0002f868\u1e9b\u0323"))
