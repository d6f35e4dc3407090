# errno: names, errorcode (last name wins for shared numbers); _stat: constants, tests,
# filemode, argument errors.
import errno
import _stat

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EINTR, errno.EAGAIN == errno.EWOULDBLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK],
      errno.errorcode[errno.ENOTSUP])
names = sorted(k for k in dir(errno) if k.startswith("E"))
print(len(names), names[:5], names[-3:])
print(len(errno.errorcode), list(errno.errorcode.items())[:3])
print(all(getattr(errno, n) in errno.errorcode for n in names))

print(_stat.S_IFDIR, _stat.S_IFREG, _stat.S_IFLNK, _stat.S_IMODE(0o104755), _stat.S_IFMT(0o104755))
for mode in [0o40755, 0o100644, 0o120777, 0o20666, 0o60660, 0o10644, 0o140755, 0o104755,
             0o102755, 0o101777, 0o106644, 0o103644, 0]:
    tests = [f(mode) for f in (_stat.S_ISDIR, _stat.S_ISREG, _stat.S_ISLNK, _stat.S_ISCHR,
                               _stat.S_ISBLK, _stat.S_ISFIFO, _stat.S_ISSOCK, _stat.S_ISDOOR)]
    print(oct(mode), _stat.filemode(mode), tests)
print(_stat.S_ISDIR(True), _stat.ST_MTIME, _stat.UF_HIDDEN, _stat.SF_SNAPSHOT)
for bad in ["x", 1.5, -1, 2 ** 40, 2 ** 70, None]:
    try:
        _stat.S_ISDIR(bad)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        _stat.filemode(bad)
    except Exception as e:
        print(type(e).__name__, e)
