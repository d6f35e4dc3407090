s = "Ab€𝄞"
print([ord(c) for c in s], "".join(chr(o) for o in [72, 105, 0x1F600]).encode("utf-8"))
print(len(s), len(s.encode("utf-8")), len(s.encode("utf-16-le")), s.encode("utf-8")[2:5])
print("\u00e9" == "\xe9", "\N{GREEK SMALL LETTER ALPHA}", "\U0001F600".encode("utf-8"))
print(chr(0x10FFFF).encode("utf-8"), repr(chr(0x7f)), repr("\u200b"))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "backslashreplace"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", "replace"), b"\xff".decode("latin-1"))
