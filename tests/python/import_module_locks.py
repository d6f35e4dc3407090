# Threads importing the same module at once: the second waits for the first to finish the
# module's body (per-module import locks), instead of seeing a half-initialized module.
import os, sys, threading

root = "/tmp/ferropy_locks_%d" % os.getpid()
os.mkdir(root)
fd = os.open(root + "/slow_body.py", os.O_WRONLY | os.O_CREAT, 0o644)
os.write(fd, b"import time\nstarted = True\ntime.sleep(0.3)\nfinished = True\n")
os.close(fd)
fd = os.open(root + "/circ_a.py", os.O_WRONLY | os.O_CREAT, 0o644)
os.write(fd, b"import circ_b\nname = 'a'\n")
os.close(fd)
fd = os.open(root + "/circ_b.py", os.O_WRONLY | os.O_CREAT, 0o644)
os.write(fd, b"import circ_a\nname = 'b'\nsaw = hasattr(circ_a, 'name')\n")
os.close(fd)
sys.path.insert(0, root)

results = []
def worker():
    import slow_body
    results.append(getattr(slow_body, "finished", "half-initialized"))

try:
    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(results)
    # a circular import in one thread still sees the partial module
    import circ_a
    print(circ_a.name, circ_a.circ_b.name, circ_a.circ_b.saw)
finally:
    for name in os.listdir(root):
        if os.path.isdir(root + "/" + name):
            for sub in os.listdir(root + "/" + name):
                os.unlink(root + "/" + name + "/" + sub)
            os.rmdir(root + "/" + name)
        else:
            os.unlink(root + "/" + name)
    os.rmdir(root)
