# _socket: a TCP echo server and client on 127.0.0.1 (port 0) in two threads: addresses,
# sendall of a large payload, recv/recv_into, shutdown and EOF, refused connections.
import _socket
import errno
import threading

AF, ST = _socket.AF_INET, _socket.SOCK_STREAM

server = _socket.socket(AF, ST)
server.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
print("reuseaddr", server.getsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR) != 0)
server.bind(("127.0.0.1", 0))
server.listen()
host, port = server.getsockname()
print("bound", host, type(port).__name__, 0 < port < 65536)
print("accepting", server.getsockopt(_socket.SOL_SOCKET, _socket.SO_ACCEPTCONN))

results = {}


def serve():
    fd, addr = server._accept()
    conn = _socket.socket(fileno=fd)
    results["peer"] = addr
    results["conn"] = (conn.family, conn.type, conn.proto)
    total = 0
    while True:
        data = conn.recv(65536)
        if not data:
            break
        total += len(data)
        conn.sendall(data)
    results["total"] = total
    conn.close()


t = threading.Thread(target=serve)
t.start()

client = _socket.socket(AF, ST)
client.connect(("127.0.0.1", port))
print("peer", client.getpeername() == ("127.0.0.1", port))
payload = bytes(range(256)) * 4096  # 1 MiB
client.sendall(payload[:1000])
got = b""
while len(got) < 1000:
    got += client.recv(1000 - len(got))
print("echo small", got == payload[:1000])

# The rest in one sendall (more than the socket buffers hold) while reading back.
def send_rest():
    client.sendall(memoryview(payload)[1000:])
    client.shutdown(_socket.SHUT_WR)

sender = threading.Thread(target=send_rest)
sender.start()
buf = bytearray(len(payload))
view = memoryview(buf)
n = 1000
buf[:1000] = got
while True:
    k = client.recv_into(view[n:], 0)
    if k == 0:
        break
    n += k
sender.join()
t.join()
print("echo large", n, bytes(buf) == payload)
print("server saw", results["total"], results["conn"], results["peer"][0], results["peer"][1] == client.getsockname()[1])
print("recv after EOF", client.recv(10))
client.close()
server.close()
print("closed fileno", client.fileno(), server.fileno())

# A closed port: connect_ex gives the errno, connect raises ConnectionRefusedError.
probe = _socket.socket(AF, ST)
probe.bind(("127.0.0.1", 0))
dead_port = probe.getsockname()[1]
probe.close()
c = _socket.socket(AF, ST)
print("connect_ex", errno.errorcode[c.connect_ex(("127.0.0.1", dead_port))])
c.close()
c = _socket.socket(AF, ST)
try:
    c.connect(("127.0.0.1", dead_port))
except ConnectionRefusedError as e:
    print("refused", type(e).__name__, e.errno == errno.ECONNREFUSED, e.strerror)
c.close()

# Operations on a closed socket.
try:
    c.recv(1)
except OSError as e:
    print("closed recv", type(e).__name__, e)
try:
    c.send(b"x")
except OSError as e:
    print("closed send", type(e).__name__, e)
print(repr(c))
print("detach", _socket.socket().detach() > 2)
