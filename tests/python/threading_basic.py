# threading on _thread: locks, joins (the sentinel lock), queue, Event, local, Condition,
# Timer, Barrier, Semaphore; an exception ending a thread goes through _thread._excepthook.
import threading, queue, time
results = []
lock = threading.Lock()
def work(n):
    for i in range(1000):
        with lock:
            results.append(n)
threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(len(results), sorted(set(results)), [t.is_alive() for t in threads])
q = queue.Queue()
def producer():
    for i in range(5): q.put(i)
    q.put(None)
t = threading.Thread(target=producer); t.start()
got = []
while (x := q.get()) is not None: got.append(x)
t.join(timeout=5)
print(got, t.is_alive(), threading.current_thread().name, threading.active_count())
ev = threading.Event()
t = threading.Thread(target=lambda: (time.sleep(0.05), ev.set())); t.start()
print(ev.wait(5), ev.is_set()); t.join()
local = threading.local(); local.x = 1
def f(): local.x = 2; out.append(local.x)
out = []
t = threading.Thread(target=f); t.start(); t.join()
print(local.x, out)
c = threading.Condition()
print(isinstance(threading.get_ident(), int), threading.main_thread() is threading.current_thread())
import sys, _io
def boom():
    raise ValueError("boom in thread")
def bye():
    sys.exit(3)
saved = sys.stderr
sys.stderr = buf = _io.StringIO()
for target in (boom, bye):
    t = threading.Thread(target=target, name="worker-" + target.__name__)
    t.start(); t.join()
sys.stderr = saved
text = buf.getvalue()
print(text.splitlines()[0], "|", text.splitlines()[-1], "|", len([l for l in text.splitlines() if l.startswith("Exception in thread")]))
seen = []
threading.excepthook = lambda args: seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=boom, name="custom"); t.start(); t.join()
print(seen)
print(threading.ExceptHookArgs.__name__ if hasattr(threading, "ExceptHookArgs") else None)
timer = threading.Timer(0.01, lambda: seen.append("timer")); timer.start(); timer.join()
print(seen[-1], threading.active_count())
b = threading.Barrier(3)
out = []
def party(i):
    b.wait(); out.append(i)
ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(out))
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False))
