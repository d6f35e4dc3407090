# posix positioned and vectored I/O, in-kernel copies, and descriptor extras: pread/pwrite,
# readv/writev, preadv/pwritev, sendfile, copy_file_range, splice, pipe2, lockf,
# posix_fallocate/fadvise, fdatasync, memfd_create, eventfd, getrandom.
import os
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "data")
fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
print(os.pwrite(fd, b"hello world", 0), os.pwrite(fd, memoryview(b"HELLO"), 6))
print(os.pread(fd, 100, 0), os.pread(fd, 3, 2), os.pread(fd, 5, 100), os.lseek(fd, 0, os.SEEK_CUR))
print(os.writev(fd, [b"ab", bytearray(b"cd"), memoryview(b"ef")]), os.writev(fd, []))
os.lseek(fd, 0, os.SEEK_SET)
bufs = [bytearray(3), bytearray(4)]
print(os.readv(fd, bufs), bufs, os.readv(fd, ()))
print(os.pwritev(fd, [b"12", b"34"], 1), os.pread(fd, 20, 0))
bufs = [bytearray(2), bytearray(2)]
print(os.preadv(fd, bufs, 1), bufs)
print(os.preadv(fd, [bytearray(3)], 0, os.RWF_HIPRI) in (3,) if hasattr(os, "RWF_HIPRI") else None)
os.fdatasync(fd)
os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
os.posix_fallocate(fd, 0, 4096)
print(os.fstat(fd).st_size)
os.lockf(fd, os.F_LOCK, 0)
os.lockf(fd, os.F_ULOCK, 0)

out = os.open(os.path.join(d, "copy"), os.O_RDWR | os.O_CREAT, 0o600)
print(os.sendfile(out, fd, 0, 5), os.pread(out, 10, 0), os.lseek(fd, 0, os.SEEK_CUR) > 0)
print(os.sendfile(out_fd=out, in_fd=fd, offset=None, count=0))
try:
    n = os.copy_file_range(fd, out, 4, 0, 10)
    print("copy_file_range", n, os.pread(out, 4, 10))
except OSError as e:
    print("copy_file_range", type(e).__name__)
r, w = os.pipe()
print(os.splice(fd, w, 3, offset_src=0), os.read(r, 3))
for fdn in (r, w):
    os.close(fdn)

r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
print(os.get_blocking(r), os.get_inheritable(w))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print(type(e).__name__, e.errno == 11)
os.close(r)
os.close(w)
r, w = os.pipe2(0)
print(os.get_blocking(r), os.get_inheritable(r))
os.close(r)
os.close(w)

m = os.memfd_create("ferropy-test")
print(os.get_inheritable(m), os.write(m, b"memfd"), os.pread(m, 10, 0))
os.close(m)
m = os.memfd_create(b"bytes-name", 0)
print(os.get_inheritable(m))
os.close(m)

e = os.eventfd(3)
print(os.get_inheritable(e), os.eventfd_read(e))
os.eventfd_write(e, 5)
os.eventfd_write(fd=e, value=2)
print(os.eventfd_read(fd=e))
os.close(e)
e = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_SEMAPHORE)
os.eventfd_write(e, 2)
print(os.eventfd_read(e), os.eventfd_read(e))
try:
    os.eventfd_read(e)
except BlockingIOError:
    print("BlockingIOError")
os.close(e)

print(len(os.getrandom(16)), len(os.getrandom(0)), type(os.getrandom(size=4, flags=os.GRND_NONBLOCK)))

r, w = os.pipe()
for call in (lambda: os.pread(fd, -1, 0), lambda: os.pread(r, 1, 0), lambda: os.readv(r, 5),
             lambda: os.writev(w, 5), lambda: os.preadv(r, 5, 0), lambda: os.pwritev(w, 5, 0),
             lambda: os.readv(r, [b"x"]), lambda: os.copy_file_range(r, w, -1), lambda: os.splice(r, w, -1),
             lambda: os.sendfile(w, r, None, -1), lambda: os.pwrite(w, b"x", 0), lambda: os.pipe2(-1),
             lambda: os.lockf(r, 99, 0), lambda: os.posix_fadvise(r, 0, 0, 0), lambda: os.fdatasync(-1),
             lambda: os.copy_file_range(r, w, 1, "a"), lambda: os.sendfile(w, r, "x", 1),
             lambda: os.eventfd(-1), lambda: os.eventfd_write(-1, 1), lambda: os.eventfd_write(0, -1),
             lambda: os.memfd_create(5), lambda: os.memfd_create("x", -1), lambda: os.memfd_create("a\0b"),
             lambda: os.getrandom(-1), lambda: os.posix_fallocate(-1, 0, 1), lambda: os.writev(w, [1]),
             lambda: os.pread(fd, 1), lambda: os.preadv(fd, [], 0, 0, 0)):
    try:
        print(call())
    except Exception as exc:
        print(type(exc).__name__, exc)
for fdn in (r, w, fd, out):
    os.close(fdn)
for name in sorted(os.listdir(d)):
    os.unlink(os.path.join(d, name))
os.rmdir(d)
for name in ("EFD_CLOEXEC", "EFD_NONBLOCK", "EFD_SEMAPHORE", "MFD_CLOEXEC", "MFD_ALLOW_SEALING", "MFD_HUGETLB",
             "MFD_HUGE_2MB", "MFD_HUGE_MASK", "MFD_HUGE_SHIFT", "POSIX_FADV_NORMAL", "POSIX_FADV_DONTNEED",
             "RWF_APPEND", "RWF_DSYNC", "RWF_HIPRI", "RWF_NOWAIT", "RWF_SYNC", "SPLICE_F_MORE", "SPLICE_F_MOVE",
             "SPLICE_F_NONBLOCK"):
    print(name, getattr(os, name))
