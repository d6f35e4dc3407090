# _socket module functions: byte order, inet_aton/ntoa/pton/ntop, services and protocols,
# getaddrinfo/getnameinfo/gethostbyname on numeric and local names, gaierror for a bad
# name ("[Errno -2] Name or service not known"), interfaces, dup/close, socket(fileno=),
# constants, and CPython's errors for bad arguments.
import _socket as s
import os


def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


for f in (s.htons, s.ntohs, s.htonl, s.ntohl):
    print(f.__name__, f(1), f(0x1234), f(0))
t(lambda: s.htons(-1)); t(lambda: s.htons(70000)); t(lambda: s.ntohs(2**64)); t(lambda: s.htonl(-1))
t(lambda: s.htonl(1 << 32)); t(lambda: s.htons("a")); t(lambda: s.ntohl(1.5)); t(lambda: s.htonl(2**80))
for text in ("1.2.3.4", "1.2.3", "1.2", "16909060", "0x7f.1", "010.0.0.1", "1.2.3.4 trailing", "1.2.3.256",
             "x", "", "1..2", "255.255.255.255", "0x100000000"):
    t(lambda: s.inet_aton(text))
t(lambda: s.inet_aton(b"1.2.3.4")); t(lambda: s.inet_ntoa(b"\x7f\0\0\x01")); t(lambda: s.inet_ntoa(b"123"))
t(lambda: s.inet_ntoa("abcd")); t(lambda: s.inet_ntoa(bytearray(b"\x01\x02\x03\x04")))
for text in ("::1", "fe80::1:2", "::ffff:1.2.3.4", "2001:db8::", "1::2::3", "::1.2.3.4"):
    t(lambda: s.inet_pton(s.AF_INET6, text))
t(lambda: s.inet_pton(s.AF_INET, "1.2.3.4")); t(lambda: s.inet_pton(s.AF_INET, "1.2.3")); t(lambda: s.inet_pton(99, "1.2.3.4"))
for packed in (bytes(16), b"\0" * 15 + b"\1", b"\x20\x01\x0d\xb8" + bytes(12), bytes(10) + b"\xff\xff\x01\x02\x03\x04", bytes(12) + b"\x01\x02\x03\x04"):
    t(lambda: s.inet_ntop(s.AF_INET6, packed))
t(lambda: s.inet_ntop(s.AF_INET, b"\x0a\0\0\x01")); t(lambda: s.inet_ntop(s.AF_INET, b"123")); t(lambda: s.inet_ntop(99, b"1234"))

t(lambda: s.getservbyname("http", "tcp")); t(lambda: s.getservbyname("domain")); t(lambda: s.getservbyname("nonexistent-svc"))
t(lambda: s.getservbyport(22)); t(lambda: s.getservbyport(53, "udp")); t(lambda: s.getservbyport(70000)); t(lambda: s.getservbyport(1, "zzz"))
t(lambda: s.getservbyname(1)); t(lambda: s.getprotobyname("tcp")); t(lambda: s.getprotobyname("udp")); t(lambda: s.getprotobyname("zz"))

t(lambda: s.getaddrinfo("127.0.0.1", 80, s.AF_INET, s.SOCK_STREAM))
t(lambda: s.getaddrinfo("127.0.0.1", "http", type=s.SOCK_DGRAM))
t(lambda: s.getaddrinfo(b"127.0.0.1", b"80", proto=s.IPPROTO_TCP))
t(lambda: s.getaddrinfo("::1", None, s.AF_INET6, s.SOCK_STREAM, 0, s.AI_NUMERICHOST))
t(lambda: s.getaddrinfo(None, 8080, s.AF_INET, s.SOCK_STREAM, 0, s.AI_PASSIVE))
t(lambda: s.getaddrinfo("localhost", 0, s.AF_INET, s.SOCK_STREAM))
t(lambda: s.getaddrinfo("nonexistent.invalid", 80))
t(lambda: s.getaddrinfo("nonexistent", 80, flags=s.AI_NUMERICHOST))
t(lambda: s.getaddrinfo(1, 80)); t(lambda: s.getaddrinfo("localhost", 1.5)); t(lambda: s.getaddrinfo("localhost"))
t(lambda: s.getaddrinfo("localhost", 80, bogus=1))
t(lambda: s.getnameinfo(("127.0.0.1", 80), s.NI_NUMERICHOST | s.NI_NUMERICSERV))
t(lambda: s.getnameinfo(("127.0.0.1", 22), s.NI_NUMERICHOST))
t(lambda: s.getnameinfo(("::1", 80, 0, 0), s.NI_NUMERICHOST | s.NI_NUMERICSERV))
t(lambda: s.getnameinfo(("127.0.0.1", 80, 0, 0), 0)); t(lambda: s.getnameinfo("x", 0)); t(lambda: s.getnameinfo(("127.0.0.1",), 0))
t(lambda: s.gethostbyname("127.0.0.1")); t(lambda: s.gethostbyname("localhost")); t(lambda: s.gethostbyname(""))
t(lambda: s.gethostbyname("nonexistent.invalid")); t(lambda: s.gethostbyname(5))
t(lambda: s.gethostbyname_ex("localhost")); t(lambda: s.gethostbyname_ex("nonexistent.invalid"))
t(lambda: s.gethostbyaddr("127.0.0.1")[0]); t(lambda: s.gethostbyaddr("nonexistent.invalid"))
print("hostname", s.gethostname() == os.uname().nodename)

names = s.if_nameindex()
print("interfaces", names[0], all(s.if_nametoindex(n) == i and s.if_indextoname(i) == n for i, n in names))
t(lambda: s.if_nametoindex("no-such-if")); t(lambda: s.if_indextoname(0)); t(lambda: s.if_indextoname(-1))

# Descriptors: dup and adopt, close.
a = s.socket(s.AF_INET, s.SOCK_DGRAM)
fd = s.dup(a.fileno())
b = s.socket(fileno=fd)
print("adopted", b.family, b.type, b.proto, os.get_inheritable(fd))
b2 = s.socket(s.AF_INET, s.SOCK_DGRAM, 0, s.dup(a.fileno()))
print("explicit", b2.family, b2.type)
s.close(b2.detach())
b.close()
a.close()
t(lambda: s.socket(fileno=-1)); t(lambda: s.socket(fileno=99999)); t(lambda: s.socket(99)); t(lambda: s.socket(s.AF_INET, 99))
t(lambda: s.socket(fileno=1.5)); t(lambda: s.socket("x")); t(lambda: s.close(-1)); t(lambda: s.dup(-1))
x = s.socket()
t(lambda: x.bind(1)); t(lambda: x.bind(("a",))); t(lambda: x.bind(("127.0.0.1", 70000))); t(lambda: x.bind(("127.0.0.1", "a")))
t(lambda: x.bind((1, 80))); t(lambda: x.connect(5)); t(lambda: x.connect_ex(("<broadcast>", 0)) is None)
t(lambda: x.getsockname()); t(lambda: x.getpeername()); t(lambda: x.recv()); t(lambda: x.recv("a"))
t(lambda: x.send("str")); t(lambda: x.setsockopt(1, 2)); t(lambda: x.getsockopt(s.SOL_SOCKET, s.SO_TYPE))
t(lambda: x.getsockopt(s.SOL_SOCKET, s.SO_TYPE, 4)); t(lambda: x.getsockopt(s.SOL_SOCKET, s.SO_TYPE, 2000))
t(lambda: x.setsockopt(s.SOL_SOCKET, s.SO_RCVBUF, b"\0\0\1\0")); t(lambda: x.setsockopt(s.SOL_SOCKET, s.SO_REUSEADDR, "x"))
t(lambda: x.shutdown(0)); t(lambda: x.listen(-5)); t(lambda: x.sendto(b"x")); t(lambda: x.sendto(b"x", 1, 2, 3))
x.close()
y = s.socket(s.AF_INET6)
t(lambda: y.bind(("::1",))); t(lambda: y.bind(("::1", 0, -1))); t(lambda: y.bind(("<broadcast>", 0))); t(lambda: y.bind(1))
y.close()
print("has_ipv6", s.has_ipv6, s.SocketType is s.socket)
for name in ("AF_INET", "AF_INET6", "AF_UNIX", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_NONBLOCK", "SOCK_CLOEXEC",
             "SOL_SOCKET", "SO_REUSEADDR", "IPPROTO_TCP", "TCP_NODELAY", "MSG_PEEK", "AI_PASSIVE", "NI_NUMERICHOST",
             "EAI_NONAME", "SHUT_RDWR", "SOMAXCONN", "INADDR_ANY", "INADDR_LOOPBACK", "SCM_RIGHTS", "IPV6_V6ONLY"):
    print(name, getattr(s, name))
