# OS-module calls from Python: stat/lstat/fstat results, listdir/scandir of a small
# directory, descriptor open/read/close, clocks and time conversions, environ lookups.
import posix
import time

base = "/tmp/ferropy_bench_os_%d" % posix.getpid()
posix.mkdir(base)
for i in range(20):
    fd = posix.open("%s/f%02d" % (base, i), posix.O_WRONLY | posix.O_CREAT, 0o644)
    posix.write(fd, b"x" * i)
    posix.close(fd)
total = 0
try:
    for _ in range(20_000):
        st = posix.stat(base + "/f05")
        total += st.st_size + st[0] % 7
        total += posix.lstat(base).st_nlink
    for _ in range(1_500):
        total += len(posix.listdir(base))
        for e in posix.scandir(base):
            if e.is_file():
                total += 1
    for _ in range(8_000):
        fd = posix.open(base + "/f10", posix.O_RDONLY)
        total += len(posix.read(fd, 100)) + posix.fstat(fd).st_size
        posix.close(fd)
    for i in range(50_000):
        time.monotonic()
        time.time_ns()
        total += time.gmtime(i * 3600).tm_hour
    for _ in range(50_000):
        total += len(posix.environ.get(b"PATH", b""))
finally:
    for i in range(20):
        posix.unlink("%s/f%02d" % (base, i))
    posix.rmdir(base)
print(total)
