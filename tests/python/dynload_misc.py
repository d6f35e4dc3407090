# mmap, _queue, grp and readline from CPython's lib-dynload.
import grp
import mmap
import os
import queue
import tempfile
import threading
import _queue

# mmap on a temporary file.
with tempfile.TemporaryFile() as f:
    f.write(b"hello mmap world, hello again\n" + b"\0" * 100)
    f.flush()
    m = mmap.mmap(f.fileno(), 0)
    print(len(m), m[:5], m[6:10], m.find(b"hello"), m.find(b"hello", 1), m.rfind(b"hello"))
    print(m.find(b"hello", 1, 10), m.rfind(b"o", 0, 10), m.find(b"zzz"), m.find(b""))
    m[0:5] = b"HELLO"
    m.seek(0)
    print(m.readline(), m.tell(), m.read(4))
    m.move(0, 6, 4)
    print(m[:10], m.size(), m.closed)
    m.flush()
    f.seek(0)
    print(f.read(10))
    m.resize(200)
    print(len(m), os.fstat(f.fileno()).st_size)
    for bad in (lambda: m.find(b"x", "a"), lambda: m[500], lambda: m.seek(10**6),
                lambda: mmap.mmap(-5, 10), lambda: m.move(0, 190, 20)):
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
    m.close()
    print(m.closed)
anon = mmap.mmap(-1, 16)
anon.write(b"abc")
print(anon[:4], mmap.PAGESIZE > 0, mmap.ACCESS_READ)
with mmap.mmap(-1, 8) as cm:
    cm[:] = b"12345678"
    print(bytes(cm), cm.count(b"3") if hasattr(cm, "count") else None)

# _queue.SimpleQueue
q = queue.SimpleQueue()
print(type(q) is _queue.SimpleQueue, q.empty(), q.qsize())
for i in range(5):
    q.put(i)
print(q.qsize(), q.get(), q.get_nowait(), q.get(timeout=0.5))
try:
    queue.SimpleQueue().get(timeout=0.01)
except queue.Empty as e:
    print("Empty", type(e) is _queue.Empty)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
out = []
def producer():
    for i in range(100):
        q.put(i * i)
t = threading.Thread(target=producer)
t.start()
while len(out) < 102:
    out.append(q.get(timeout=5))
t.join()
print(out[:4], sum(out), q.empty())

# grp
g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g).__name__, g == grp.getgrnam(g.gr_name))
print(len(grp.getgrall()) > 0)
for bad in (lambda: grp.getgrgid(2**32), lambda: grp.getgrgid(-2), lambda: grp.getgrgid("x"),
            lambda: grp.getgrgid(2**64), lambda: grp.getgrnam("no-such-group-ferropy")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# readline imports and keeps a history.
import readline
readline.clear_history()
readline.add_history("first line")
readline.add_history("second")
print(readline.get_current_history_length(), readline.get_history_item(1), readline.get_history_item(2))
readline.set_completer_delims(" \t")
print(repr(readline.get_completer_delims()), readline.get_completer())
