# _socket: UDP datagrams on 127.0.0.1: sendto/recvfrom/recvfrom_into, connected UDP with
# send/recv, MSG_PEEK, datagram truncation, getsockname shapes.
import _socket

a = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)
b = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b.bind(("localhost", 0))
print(a.type, a.family, a.proto, repr(a).startswith("<socket object, fd="))
addr_a, addr_b = a.getsockname(), b.getsockname()
print("names", addr_a[0], addr_b[0])
print("sent", b.sendto(b"hello", addr_a))
print("peek", a.recv(5, _socket.MSG_PEEK))
data, sender = a.recvfrom(100)
print("recvfrom", data, sender == addr_b)
print("sent", b.sendto(b"0123456789", 0, addr_a))
buf = bytearray(4)
n, sender = a.recvfrom_into(buf)
print("truncated", n, bytes(buf), sender == addr_b)
b.sendto(b"abcdef", addr_a)
buf = bytearray(10)
print("into nbytes", a.recvfrom_into(buf, 3)[0], bytes(buf))
b.connect(addr_a)
a.connect(addr_b)
print("connected send", b.send(b"xyz"))
print("connected recv", a.recv(10))
a.send(b"back")
print("recv_into", b.recv_into(buf), bytes(buf[:4]))
for bad in (lambda: a.recvfrom_into(bytearray(2), 5), lambda: a.recv_into(bytearray(2), 5),
            lambda: a.recv_into(b"immutable"), lambda: a.recvfrom(-1), lambda: a.sendto(b"x", ("127.0.0.1",)),
            lambda: a.sendto("text", addr_b), lambda: a.recv_into(bytearray(2), -1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
a.close()
b.close()

s6 = _socket.socket(_socket.AF_INET6, _socket.SOCK_DGRAM)
print("ipv6 unbound", s6.getsockname())
s6.close()
