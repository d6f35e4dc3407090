# _ssl from CPython's lib-dynload: contexts, a TLS handshake over a socketpair, errors.
import os
import socket
import ssl
import threading

CERTS = os.path.join(os.path.dirname(os.__file__), "test", "certdata")
KEYCERT = os.path.join(CERTS, "keycert3.pem")   # CN=localhost, signed by pycacert
CACERT = os.path.join(CERTS, "pycacert.pem")

print(ssl.OPENSSL_VERSION.split()[0], ssl.HAS_TLSv1_3, ssl.HAS_SNI, ssl.HAS_ALPN)
print(ssl.PROTOCOL_TLS_CLIENT, ssl.CERT_REQUIRED, int(ssl.OP_NO_COMPRESSION) != 0)
paths = ssl.get_default_verify_paths()
print(type(paths).__name__, paths._fields)
print(paths.openssl_cafile_env, paths.openssl_capath_env)

client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
print(client_ctx.verify_mode == ssl.CERT_REQUIRED, client_ctx.check_hostname)
print(client_ctx.minimum_version, client_ctx.maximum_version)
client_ctx.load_verify_locations(CACERT)
print(len(client_ctx.get_ca_certs()), client_ctx.cert_store_stats())
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(KEYCERT)
server_ctx.set_alpn_protocols(["h2", "http/1.1"])
client_ctx.set_alpn_protocols(["http/1.1"])
client_ctx.options |= ssl.OP_NO_TICKET
print(bool(client_ctx.options & ssl.OP_NO_TICKET))

try:
    server_ctx.load_cert_chain(os.path.join(CERTS, "badcert.pem"))
except ssl.SSLError as e:
    print("SSLError", e.library, e.reason)

def handshake(hostname):
    a, b = socket.socketpair()
    result = {}

    def serve():
        try:
            with server_ctx.wrap_socket(a, server_side=True) as s:
                data = s.recv(1024)
                s.sendall(data.upper())
                result["server"] = (s.version(), s.selected_alpn_protocol())
        except (ssl.SSLError, OSError) as e:
            result["server_error"] = type(e).__name__

    t = threading.Thread(target=serve)
    t.start()
    try:
        with client_ctx.wrap_socket(b, server_hostname=hostname) as c:
            c.sendall(b"hello tls")
            print("echo", c.recv(1024))
            print(c.version(), c.selected_alpn_protocol(), c.server_hostname)
            cert = c.getpeercert()
            print(dict(x[0] for x in cert["subject"]), cert["subjectAltName"])
            print(c.cipher()[1], c.compression(), len(c.getpeercert(binary_form=True)) > 100)
    except ssl.SSLCertVerificationError as e:
        print("verify failed:", e.verify_message, e.verify_code)
    finally:
        b.close()
        t.join()
    print("server", result)

handshake("localhost")
handshake("example.org")

# Memory BIOs: the handshake without sockets.
cin, cout, sin, sout = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
cobj = client_ctx.wrap_bio(cin, cout, server_hostname="localhost")
sobj = server_ctx.wrap_bio(sin, sout, server_side=True)
for _ in range(10):
    for obj in (cobj, sobj):
        try:
            obj.do_handshake()
        except ssl.SSLWantReadError:
            pass
    sin.write(cout.read())
    cin.write(sout.read())
print("bio", cobj.version(), sobj.version(), cobj.pending())
cobj.write(b"over bio")
sin.write(cout.read())
print(sobj.read())
print(ssl.RAND_status(), len(ssl.RAND_bytes(16)))
der = ssl._ssl._test_decode_cert(CACERT)
print(der["issuer"] == der["subject"], der["version"], sorted(der)[:4])
