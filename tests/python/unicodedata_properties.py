# Every property function of unicodedata over all 1,114,112 code points, for the current
# database and ucd_3_2_0: one hash per (version, function, plane), so the output is short
# but any single difference shows where it is.
import unicodedata
import zlib

FUNCTIONS = ["category", "bidirectional", "combining", "east_asian_width", "mirrored",
             "decomposition"]
DEFAULTED = ["decimal", "digit", "numeric", "name"]


def digest(values):
    return zlib.crc32(repr(values).encode())


for db_name, db in (("current", unicodedata), ("3.2.0", unicodedata.ucd_3_2_0)):
    print(db_name, db.unidata_version)
    for plane in range(17):
        chars = [chr(c) for c in range(plane << 16, (plane + 1) << 16)]
        row = []
        for f in FUNCTIONS:
            fn = getattr(db, f)
            row.append(digest([fn(c) for c in chars]))
        for f in DEFAULTED:
            fn = getattr(db, f)
            row.append(digest([fn(c, None) for c in chars]))
        print(plane, " ".join(f"{h:08x}" for h in row))

# A few values in clear, and the default argument being returned as it is.
marker = object()
for db in (unicodedata, unicodedata.ucd_3_2_0):
    for c in "A\u00b2\u00bd\u0221\u0301\u05d0\u0661\u2162\u4e00\uac00\U0001f600\U00012432":
        print(ascii(c), db.category(c), db.bidirectional(c), db.combining(c),
              db.east_asian_width(c), db.mirrored(c), db.decomposition(c),
              db.decimal(c, None), db.digit(c, None), db.numeric(c, None), db.name(c, None))
    print(db.decimal("x", marker) is marker, db.name("\0", marker) is marker)
