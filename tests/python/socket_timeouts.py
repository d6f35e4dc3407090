# _socket timeouts: settimeout/gettimeout/getblocking/setblocking, the timeout attribute,
# TimeoutError "timed out" from recv/accept/connect-free waits, BlockingIOError for
# non-blocking sockets, the module default timeout, SOCK_NONBLOCK, and bad values.
import _socket
import os
import time

print(_socket.timeout is TimeoutError, _socket.error is OSError)
print(issubclass(_socket.gaierror, OSError), issubclass(_socket.herror, OSError), _socket.gaierror.__module__, _socket.herror.__name__)

a, b = _socket.socketpair()
print("default", a.gettimeout(), a.timeout, a.getblocking())
a.settimeout(0.05)
print("set", a.gettimeout(), a.timeout, a.getblocking(), os.get_blocking(a.fileno()))
start = time.monotonic()
try:
    a.recv(10)
except TimeoutError as e:
    print("recv", type(e).__name__, e, e.args, e.errno)
print("waited", time.monotonic() - start >= 0.04)
b.send(b"ready")
print("data", a.recv(10))
a.settimeout(0)
print("zero", a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print("nonblocking", type(e).__name__, e.errno == 11)
a.setblocking(True)
print("blocking", a.gettimeout(), a.getblocking(), os.get_blocking(a.fileno()))
a.setblocking(False)
print("non-blocking", a.gettimeout(), a.getblocking(), os.get_blocking(a.fileno()))
a.settimeout(None)
print("none", a.gettimeout(), os.get_blocking(a.fileno()))
a.settimeout(3)
print("int", a.gettimeout())
a.settimeout(1e-10)
print("tiny", a.gettimeout())
for bad in (-1, -0.5, "1", float("nan"), 1e300, [], 2**70):
    try:
        a.settimeout(bad)
    except Exception as e:
        print(repr(bad)[:12], type(e).__name__, e)
a.close()
b.close()

# Full send buffer with a timeout: sendall times out.
a, b = _socket.socketpair()
a.settimeout(0.05)
try:
    a.sendall(b"x" * (16 * 1024 * 1024))
except TimeoutError as e:
    print("sendall", e)
a.close()
b.close()

# accept with a timeout.
srv = _socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.02)
try:
    srv._accept()
except TimeoutError as e:
    print("accept", e)
# Non-blocking connect in progress, then completed.
c = _socket.socket()
c.setblocking(False)
err = c.connect_ex(srv.getsockname())
print("connect_ex nonblocking", err in (0, 115))
fd, addr = srv._accept()
_socket.close(fd)
c.close()
srv.close()

# The module default applies to new sockets (and SOCK_NONBLOCK means timeout 0).
print("getdefaulttimeout", _socket.getdefaulttimeout())
_socket.setdefaulttimeout(2.5)
s = _socket.socket()
print("new socket", s.gettimeout(), s.getblocking(), os.get_blocking(s.fileno()))
s.close()
_socket.setdefaulttimeout(None)
s = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM | _socket.SOCK_NONBLOCK)
print("SOCK_NONBLOCK", s.type, s.gettimeout(), s.getblocking())
s.close()
for bad in (-1, "x"):
    try:
        _socket.setdefaulttimeout(bad)
    except Exception as e:
        print("default", type(e).__name__, e)
