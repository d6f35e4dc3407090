# asyncio over _socket: a TCP echo server (asyncio.start_server) and clients
# (asyncio.open_connection), concurrent connections, a UDP endpoint, and a refused
# connection, on localhost.
import asyncio
import socket


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, text):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(text.encode() + b"\n")
    await writer.drain()
    reply = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return reply


class Datagram(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        if data == b"stop":
            self.done.set_result(addr[0])
        else:
            self.transport.sendto(data[::-1], addr)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving", server.sockets[0].family == socket.AF_INET)
    print(await client(port, "hello asyncio"))
    replies = await asyncio.gather(*(client(port, f"client {i}") for i in range(5)))
    print(replies)
    server.close()
    await server.wait_closed()

    loop = asyncio.get_running_loop()
    done = loop.create_future()
    transport, _ = await loop.create_datagram_endpoint(lambda: Datagram(done), local_addr=("127.0.0.1", 0))
    addr = transport.get_extra_info("sockname")
    got = loop.create_future()

    class Client(asyncio.DatagramProtocol):
        def datagram_received(self, data, a):
            got.set_result(data)

    ctransport, _ = await loop.create_datagram_endpoint(Client, remote_addr=addr)
    ctransport.sendto(b"udp data")
    print("udp", await asyncio.wait_for(got, 5))
    ctransport.sendto(b"stop")
    print("udp stop from", await asyncio.wait_for(done, 5))
    ctransport.close()
    transport.close()

    try:
        await asyncio.open_connection("127.0.0.1", 1)
    except ConnectionRefusedError as e:
        print("refused", type(e).__name__)


asyncio.run(main())
