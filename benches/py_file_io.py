# Binary file I/O through _io: a few MB written and read back in lines and in chunks
# (BufferedWriter/BufferedReader over FileIO), then through FileIO directly.
import _io, os

path = '/tmp/ferropy_bench_file_io_%d' % os.getpid()
line = b'0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\n'
check = 0
for rnd in range(3):
    w = _io.BufferedWriter(_io.FileIO(path, 'w'))
    for i in range(60000):
        w.write(line)
    w.close()
    r = _io.BufferedReader(_io.FileIO(path, 'r'))
    for l in r:
        check += len(l)
    r.seek(0)
    while True:
        chunk = r.read(4096)
        if not chunk:
            break
        check += chunk[-1]
    r.seek(0)
    check += len(r.read())
    r.close()
    f = _io.FileIO(path, 'r')
    buf = bytearray(65536)
    while True:
        n = f.readinto(buf)
        if not n:
            break
        check += n
    f.close()
os.unlink(path)
print(check)
