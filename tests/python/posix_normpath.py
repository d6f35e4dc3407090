# posix._path_normpath (what posixpath.normpath calls) on every path of up to 6 pieces
# from "/", ".", "a", "..", "é", "\udcff" (1-byte, 2-byte and surrogate strings), plus
# posixpath.normpath's str/bytes/PathLike handling.
import hashlib
import itertools
import pathlib
import posix
import posixpath

results = []
for n in range(7):
    for pieces in itertools.product(["/", ".", "a", "..", "\xe9", "\udcff"], repeat=n):
        p = "".join(pieces)
        results.append(repr(posix._path_normpath(p)))
print(len(results), hashlib.sha256("\n".join(results).encode()).hexdigest())
print(posix._path_normpath(path="a//b"), repr(posix._path_normpath("")), repr(posix._path_normpath("./")))
print(posixpath.normpath(pathlib.PurePosixPath("a/b/../c")), posixpath.normpath(b"/a/./\xff/.."))
for bad in (b"a", 5, None, pathlib.PurePosixPath("a")):
    try:
        posix._path_normpath(bad)
    except TypeError as e:
        print(e)
try:
    posix._path_normpath()
except TypeError as e:
    print(e)
