# print(): to sys.stdout itself (fd 1 pointed at /dev/null for the loop, so the real
# TextIOWrapper/BufferedWriter/FileIO stack and its buffering mode are what is timed), and
# to a text file; then the file is read back for the checksum.
import os
import sys

N = 200000
path = '/tmp/ferropy_bench_print_%d' % os.getpid()

sys.stdout.flush()
saved = os.dup(1)
devnull = os.open(os.devnull, os.O_WRONLY)
os.dup2(devnull, 1)
try:
    for i in range(N):
        print(i)
    for i in range(N // 4):
        print('item', i, 'of', N, sep=' ', end='\n')
    sys.stdout.flush()
finally:
    os.dup2(saved, 1)
    os.close(devnull)
    os.close(saved)

with open(path, 'w') as f:
    for i in range(N):
        print(i, file=f)
    for i in range(N // 4):
        print('line', i, 3.5, None, file=f)
with open(path) as f:
    text = f.read()
os.unlink(path)
print(len(text), text.count('\n'), text[-30:].split())
