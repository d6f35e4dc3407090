# _socket: AF_UNIX socketpair, path and abstract-namespace addresses, sendmsg/recvmsg
# with SCM_RIGHTS descriptor passing (what multiprocessing does), recvmsg_into,
# truncated ancillary data (MSG_CTRUNC), CMSG_LEN/CMSG_SPACE, argument errors.
import _socket
import os
import struct
import tempfile

a, b = _socket.socketpair()
print(type(a).__name__, a.family == _socket.AF_UNIX, a.type == _socket.SOCK_STREAM)
print("names", repr(a.getsockname()), repr(a.getpeername()))
print("sendmsg", a.sendmsg([b"ab", memoryview(b"cd"), bytearray(b"ef")]))
print("recvmsg", b.recvmsg(100))

# Pass a pipe's read end through the socket.
r, w = os.pipe()
fds = struct.pack("i", r)
print("sendmsg fds", a.sendmsg([b"F"], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)]))
msg, anc, flags, addr = b.recvmsg(10, _socket.CMSG_SPACE(struct.calcsize("i")))
print("got", msg, len(anc), flags, addr)
level, kind, data = anc[0]
print("anc", level == _socket.SOL_SOCKET, kind == _socket.SCM_RIGHTS, len(data))
passed = struct.unpack("i", data)[0]
print("new descriptor", passed not in (r, w))
os.write(w, b"through the pipe")
print(os.read(passed, 100))
for fd in (r, w, passed):
    os.close(fd)

# Two descriptors, but room for one: the rest is cut off (MSG_CTRUNC).
r, w = os.pipe()
a.sendmsg([b"T"], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, struct.pack("ii", r, w))])
msg, anc, flags, addr = b.recvmsg(10, _socket.CMSG_LEN(4))
print("truncated", msg, flags & _socket.MSG_CTRUNC != 0, [len(x[2]) for x in anc])
for level, kind, data in anc:
    for fd in struct.unpack("%di" % (len(data) // 4), data):
        os.close(fd)
os.close(r)
os.close(w)

# recvmsg_into scatters into several buffers.
a.sendall(b"0123456789")
b1, b2 = bytearray(4), bytearray(10)
print("recvmsg_into", b.recvmsg_into([b1, memoryview(b2)]), bytes(b1), bytes(b2))

print("CMSG", _socket.CMSG_LEN(0), _socket.CMSG_LEN(4), _socket.CMSG_SPACE(0), _socket.CMSG_SPACE(4), _socket.CMSG_SPACE(9))
for bad in (lambda: _socket.CMSG_LEN(-1), lambda: _socket.CMSG_SPACE(2**40), lambda: a.sendmsg([b"x"], [(1, 2)]),
            lambda: a.sendmsg(b"x"), lambda: a.sendmsg(5), lambda: b.recvmsg(-1), lambda: b.recvmsg(1, -1),
            lambda: a.sendmsg(["str"]), lambda: b.recvmsg_into([b"ro"])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
a.close()
b.close()

# Named and abstract addresses.
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    srv = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(1)
    print("path bound", srv.getsockname() == path)
    cli = _socket.socket(_socket.AF_UNIX)
    cli.connect(path.encode())
    fd, addr = srv._accept()
    conn = _socket.socket(fileno=fd)
    print("accepted", repr(addr), conn.family == _socket.AF_UNIX, cli.getpeername() == path)
    cli.send(b"unix!")
    print(conn.recv(10))
    for s in (conn, cli, srv):
        s.close()

name = b"\0ferropy-test-%d" % os.getpid()
u = _socket.socket(_socket.AF_UNIX, _socket.SOCK_DGRAM)
u.bind(name)
print("abstract", u.getsockname() == name)
v = _socket.socket(_socket.AF_UNIX, _socket.SOCK_DGRAM)
v.sendto(b"dgram", name)
data, sender = u.recvfrom(10)
print(data, repr(sender))
u.close()
v.close()
for bad in (lambda: _socket.socket(_socket.AF_UNIX).bind("x" * 200), lambda: _socket.socket(_socket.AF_UNIX).bind(3)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
