# _thread.lock / RLock `_at_fork_reinit` (a fresh, unlocked lock), as threading and
# concurrent.futures use it in a forked child: a child forked while another thread runs
# can start and join threads, and a ThreadPoolExecutor works in it.
import _thread
import concurrent.futures
import os
import threading

l = _thread.allocate_lock()
l.acquire()
print(l.locked(), l._at_fork_reinit(), l.locked(), l.acquire(False), l.locked())
r = _thread.RLock()
r.acquire()
r.acquire()
print(r._is_owned(), r._recursion_count())
r._at_fork_reinit()
print(r._is_owned(), r._recursion_count(), repr(r).split(" owner=")[1].split(" at")[0])
r.acquire()
print(r._recursion_count())
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)

with concurrent.futures.ThreadPoolExecutor(2) as ex:
    print(list(ex.map(abs, [-1, -2, 3])))

running = threading.Event()
stop = threading.Event()


def busy():
    running.set()
    stop.wait()


t = threading.Thread(target=busy)
t.start()
running.wait()
pid = os.fork()
if pid == 0:
    out = []
    child = threading.Thread(target=out.append, args=("child thread ran",))
    child.start()
    child.join()
    with concurrent.futures.ThreadPoolExecutor(1) as ex:
        out.append(ex.submit(pow, 2, 10).result())
    print(out, len(threading.enumerate()), flush=True)
    os._exit(0)
_, status = os.waitpid(pid, 0)
stop.set()
t.join()
print("child exit", os.waitstatus_to_exitcode(status))
