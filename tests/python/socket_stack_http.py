# The standard library on top of _socket: socket.py (create_server, create_connection,
# makefile), selectors (a non-blocking echo loop), socketserver + http.server serving
# requests to http.client and urllib.request on localhost, all in one process.
import http.client
import http.server
import selectors
import socket
import socketserver
import threading
import urllib.request

# selectors: one non-blocking echo round trip driven by DefaultSelector.
sel = selectors.DefaultSelector()
srv = socket.create_server(("127.0.0.1", 0))
srv.setblocking(False)
sel.register(srv, selectors.EVENT_READ, "accept")
cli = socket.create_connection(srv.getsockname())
cli.sendall(b"ping")
done = False
while not done:
    for key, events in sel.select(timeout=5):
        if key.data == "accept":
            conn, _ = srv.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, "echo")
        else:
            data = key.fileobj.recv(100)
            key.fileobj.sendall(data.upper())
            sel.unregister(key.fileobj)
            key.fileobj.close()
            done = True
print("selectors", cli.recv(100), type(sel).__name__)
cli.close()
sel.unregister(srv)
srv.close()
sel.close()


# socketserver: a threaded line-echo server.
class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.readline().upper())


with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo) as server:
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    with socket.create_connection(server.server_address, timeout=5) as c:
        c.sendall(b"hello socketserver\n")
        print("socketserver", c.makefile("rb").readline())
    server.shutdown()
    t.join()


# http.server: GET and POST served to http.client and urllib.request.
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("you asked for " + self.path).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        body = self.rfile.read(n)[::-1]
        self.send_response(201)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
host, port = httpd.server_address
conn = http.client.HTTPConnection(host, port, timeout=5)
conn.request("GET", "/a/b?c=d")
r = conn.getresponse()
print("http.client", r.status, r.reason, r.getheader("Content-Type"), r.read())
conn.request("POST", "/post", body=b"abcdef")
r = conn.getresponse()
print("http.client POST", r.status, r.read())
conn.close()
with urllib.request.urlopen(f"http://{host}:{port}/urllib", timeout=5) as resp:
    print("urllib", resp.status, resp.read())
try:
    urllib.request.urlopen(f"http://{host}:1/", timeout=5)
except urllib.error.URLError as e:
    print("urllib refused", type(e.reason).__name__)
httpd.shutdown()
httpd.server_close()
t.join()
