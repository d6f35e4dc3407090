# asyncio subprocesses (the child watcher thread, pipes through the event loop) and
# unix-socket streams; the loop in debug mode (coroutine origin tracking), and a
# coroutine that is never awaited.
import asyncio
import gc
import os
import sys
import tempfile
import warnings


async def subprocesses():
    p = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys; data = sys.stdin.read(); print(data.upper()); sys.exit(3)",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, err = await p.communicate(b"from the parent")
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_shell("echo shell $((6 * 7))", stdout=asyncio.subprocess.PIPE)
    print((await p.stdout.read()).strip(), await p.wait())
    p = await asyncio.create_subprocess_exec(sys.executable, "-c", "import time; time.sleep(10)")
    p.terminate()
    print("terminated", await p.wait())
    results = await asyncio.gather(*(
        asyncio.create_subprocess_exec(sys.executable, "-c", f"print({i})", stdout=asyncio.subprocess.PIPE)
        for i in range(3)))
    print([(await r.communicate())[0] for r in results])


async def unix_streams(path):
    async def handle(reader, writer):
        data = await reader.readexactly(5)
        writer.write(data[::-1])
        await writer.drain()
        writer.close()

    server = await asyncio.start_unix_server(handle, path)
    async with server:
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b"hello")
        print(await reader.read())
        print(reader.at_eof())
        writer.close()
        await writer.wait_closed()


async def never_awaited():
    return 1


async def debug_mode():
    loop = asyncio.get_running_loop()
    print("debug", loop.get_debug(), sys.get_coroutine_origin_tracking_depth())
    c = never_awaited()
    print(c.cr_origin[0][2], len(c.cr_origin) > 1)
    print(await c)


async def main():
    await subprocesses()
    with tempfile.TemporaryDirectory() as d:
        await unix_streams(os.path.join(d, "sock"))


asyncio.run(main())
print(sys.get_coroutine_origin_tracking_depth())
asyncio.run(debug_mode(), debug=True)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(3)


def make():
    return never_awaited()


c = make()
print(len(c.cr_origin), c.cr_origin[0][1:], type(c.cr_code).__name__)
c.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError", e)
try:
    sys.set_coroutine_origin_tracking_depth("1")
except TypeError as e:
    print("TypeError", e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    sys.set_coroutine_origin_tracking_depth(0)
    print(make().cr_origin)
    gc.collect()
    c = make()
    del c
    gc.collect()
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
