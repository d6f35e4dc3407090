# unicodedata.name/lookup both ways over every code point (hashed), aliases and named
# sequences (lookup only), case rules, the 3.2.0 database, and the errors.
import unicodedata
import zlib

for db_name, db in (("current", unicodedata), ("3.2.0", unicodedata.ucd_3_2_0)):
    named = back = 0
    crc = 0
    for c in range(0x110000):
        n = db.name(chr(c), None)
        if n is None:
            continue
        named += 1
        crc = zlib.crc32(n.encode(), crc)
        algorithmic = n.startswith(("CJK UNIFIED", "HANGUL SYLLABLE"))
        if db.lookup(n) == chr(c) and (algorithmic or db.lookup(n.lower()) == chr(c)):
            back += 1
    print(db_name, named, back, f"{crc:08x}")

tries = ["NUL", "null", "LINE FEED", "BYTE ORDER MARK", "LATIN CAPITAL LETTER GHA",
         "LATIN SMALL LETTER O WITH VERTICAL LINE BELOW AND ACUTE", "TAMIL SYLLABLE PAI",
         "KHMER CONSONANT SIGN COENG YO", "latin small letter a", "EURO SIGN",
         "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00",
         "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-0041", "CJK UNIFIED IDEOGRAPH-9FFF",
         "CJK UNIFIED IDEOGRAPH-3134A", "CJK UNIFIED IDEOGRAPH-3134B", "CJK UNIFIED IDEOGRAPH-",
         "CJK UNIFIED IDEOGRAPH-4E00 ", "CJK COMPATIBILITY IDEOGRAPH-F900", "TANGUT IDEOGRAPH-17000",
         "HANGUL SYLLABLE GA", "HANGUL SYLLABLE GGAG", "HANGUL SYLLABLE HIH", "hangul syllable ga",
         "HANGUL SYLLABLE GAX", "HANGUL SYLLABLE ", "GRINNING FACE", "", " ", "x" * 256, "x" * 257,
         "LATIN SMALL LETTER A\0", "LATIN SMALL LETTER A\0B", "\u00e9", b"EURO SIGN", b"\xff",
         "BALINESE LETTER AKARA TEDUNG"]
for db_name, db in (("current", unicodedata), ("3.2.0", unicodedata.ucd_3_2_0)):
    for name in tries:
        try:
            print(db_name, ascii(db.lookup(name)))
        except KeyError as e:
            print(db_name, "KeyError", ascii(str(e)))

for arg in [5, None, bytearray(b"NUL"), memoryview(b"NUL"), "\udc80"]:
    try:
        print(unicodedata.lookup(arg))
    except Exception as e:
        print(type(e).__name__, e)
for f in ("name", "category", "decomposition", "decimal", "digit", "numeric", "combining",
          "mirrored", "east_asian_width", "bidirectional"):
    for arg in ["ab", "", 5, b"a"]:
        try:
            print(getattr(unicodedata, f)(arg))
        except Exception as e:
            print(type(e).__name__, e)
for call in [lambda: unicodedata.name(), lambda: unicodedata.name("a", "b", "c"),
             lambda: unicodedata.name(chr=5), lambda: unicodedata.name("\0"),
             lambda: unicodedata.decimal("a"), lambda: unicodedata.digit("a"),
             lambda: unicodedata.numeric("a"), lambda: unicodedata.ucd_3_2_0.name("\u0221"),
             lambda: unicodedata.UCD(), lambda: setattr(unicodedata.ucd_3_2_0, "unidata_version", "x"),
             lambda: type(unicodedata.ucd_3_2_0).__name__, lambda: unicodedata.UCD.__module__,
             lambda: unicodedata.ucd_3_2_0.lookup.__doc__.splitlines()[0],
             lambda: unicodedata.name.__text_signature__, lambda: unicodedata.__doc__.splitlines()[0]]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
# The \N{...} escape and the unicode_escape codec share the names and aliases.
print(ascii("\N{EURO SIGN}\N{NUL}\N{LATIN SMALL LETTER GHA}"), ascii(b"\\N{BYTE ORDER MARK}".decode("unicode_escape")))
for bad in [b"\\N{CJK UNIFIED IDEOGRAPH-0041}", b"\\N{TAMIL SYLLABLE PAI}", b"\\N{hangul syllable ga}"]:
    try:
        print(bad.decode("unicode_escape"))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e.reason)
