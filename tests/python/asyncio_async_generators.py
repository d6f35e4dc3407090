# Async generators under asyncio: the loop keeps them in a WeakSet (firstiter hook), and
# asyncio.run finalizes one left suspended (shutdown_asyncgens).
import asyncio
async def agen():
    for i in range(3):
        yield i
        await asyncio.sleep(0)
async def main():
    print([x async for x in agen()])
    g = agen()
    print(await g.__anext__())
asyncio.run(main())
print("done")


async def left_open():
    try:
        yield 1
        yield 2
    finally:
        print("agen finalized")


async def main2():
    g = left_open()
    print(await g.__anext__())
    import weakref
    r = weakref.ref(g)
    print(r() is g)
    return "main2 done"

print(asyncio.run(main2()))
