# At exit the interpreter waits for non-daemon threads (threading._shutdown) before the
# atexit callbacks run, as CPython does; daemon threads are not waited for.
import atexit
import sys
import threading
import time


def worker(n):
    time.sleep(0.2 + n * 0.05)
    print("worker", n, "done", sys.is_finalizing(), flush=True)


def daemon():
    time.sleep(30)
    print("daemon should not get here", flush=True)


atexit.register(lambda: print("atexit sees", threading.active_count() - 1, "other thread(s)", flush=True))
for n in range(3):
    threading.Thread(target=worker, args=(n,)).start()
threading.Thread(target=daemon, daemon=True).start()
print("main done", flush=True)
