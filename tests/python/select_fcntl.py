# select (select, poll, epoll) and fcntl (fcntl, ioctl, flock, lockf) on pipes and a file.
import os, select, fcntl

def t(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"

r, w = os.pipe()
class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
fr, fw = F(r), F(w)
def n(evs):
    """Events with the pipe's ends named (descriptor numbers vary)."""
    return [({r: "r", w: "w"}[fd], ev) for fd, ev in evs]

# select
print(select.error is OSError, select.PIPE_BUF, select.POLLIN, select.EPOLLIN, select.EPOLLET)
rl, wl, xl = select.select([r, fr], [w, fw], [r], 0)
print(rl, [x is fw for x in wl], xl)
os.write(w, b"abc")
rl, wl, xl = select.select((fr, r), [], [], 1.5)
print([x is fr or x == r for x in rl], wl, xl)
for args in [([], [], [], "a"), ([], [], [], -1), (1, [], []), (["a"], [], [], 0), ([-1], [], [], 0),
             ([99999], [], [], 0), ([], []), ([], [], [], 0, 1)]:
    print(t(lambda: select.select(*args)))

# poll
p = select.poll()
print(type(p).__name__, t(lambda: type(p)()), t(lambda: select.poll(1)))
print(t(lambda: p.unregister(r)).replace(str(r), "r"), t(lambda: p.modify(r, 1)), t(lambda: p.register("a")), t(lambda: p.register(-1)))
p.register(w)
p.register(fr, select.POLLIN)
print(n(p.poll(0)), n(p.poll(10.5)), n(p.poll(None)), n(p.poll(-1)))
p.modify(r, select.POLLOUT)
print(n(p.poll(0)))
p.unregister(fw)
print(n(p.poll(0)), t(lambda: p.poll("x")), t(lambda: p.poll(2**70)), t(lambda: p.register(r, -1)))
p.unregister(r)
print(p.poll(0))

# epoll
e = select.epoll()
print(e.closed, e.fileno() > 2, type(e).__name__)
e.register(w)
e.register(fr, select.EPOLLIN)
print(sorted(n(e.poll(0))), sorted(n(e.poll(timeout=0.01, maxevents=5))), len(e.poll(0, 1)))
print(t(lambda: e.register(w)), t(lambda: e.unregister(12345)), t(lambda: e.poll("x")), t(lambda: e.poll(0, 0)))
e.modify(w, select.EPOLLIN)
print(n(e.poll(0)))
e.unregister(r)
print(n(e.poll(0)))
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed, t(lambda: e2.poll()), t(lambda: e2.fileno()), t(lambda: e2.__enter__()))
e.close(); e.close()
print(e.closed, t(lambda: select.epoll(-2)), t(lambda: select.epoll(0)), select.epoll(5).closed, select.epoll(sizehint=3, flags=0).closed)
print(t(lambda: type("MyEpoll", (select.epoll,), {})))
me = select.epoll()
fd2 = os.dup(me.fileno())
e3 = select.epoll.fromfd(fd2)
print(e3.fileno() == fd2, type(e3).__name__)
e3.close(); me.close()
print(t(lambda: p.register(r, 2**16)))

# fcntl
print(fcntl.FD_CLOEXEC, fcntl.F_GETFD, fcntl.LOCK_EX, fcntl.F_SETLKW, fcntl.F_GETPIPE_SZ)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC, fcntl.fcntl(fr, fcntl.F_GETFL) & os.O_NONBLOCK)
fl = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK == os.O_NONBLOCK, os.get_blocking(w))
print(fcntl.fcntl(r, fcntl.F_GETFL, b"ab"), fcntl.fcntl(r, fcntl.F_GETFL, "xy"))
for f in [lambda: fcntl.fcntl(-1, 1), lambda: fcntl.fcntl("x", 1), lambda: fcntl.fcntl(r, fcntl.F_GETFL, b"x" * 1025),
          lambda: fcntl.fcntl(r, 1, 1.5), lambda: fcntl.fcntl(r), lambda: fcntl.fcntl(999, fcntl.F_GETFD),
          lambda: fcntl.flock(-1, fcntl.LOCK_SH), lambda: fcntl.lockf(r, 0), lambda: fcntl.ioctl(999, 0)]:
    print(t(f))
print(fcntl.ioctl(r, 0x541B, b"    "))   # FIONREAD: 3 bytes waiting
buf = bytearray(4)
print(fcntl.ioctl(r, 0x541B, buf), buf, fcntl.ioctl(r, 0x541B, buf, False), fcntl.ioctl(r, 0x541B, "    "))
print(os.read(r, 10))
path = f"/tmp/ferropy_select_fcntl_{os.getpid()}"
fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
try:
    f = F(fd)
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(fd, fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_EX, 10, 0, 0)
    fcntl.lockf(fd, fcntl.LOCK_UN, 10)
    fcntl.lockf(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
    print("locks ok")
finally:
    os.close(fd)
    os.unlink(path)
os.close(r); os.close(w)
