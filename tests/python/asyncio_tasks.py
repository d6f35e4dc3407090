# asyncio on the pure-Python Future/Task (CPython's _asyncio accelerator does not load
# here): run, tasks, gather (with exceptions), wait/as_completed, cancellation, shield,
# timeouts (asyncio.timeout, wait_for), events/locks/semaphores/conditions, queues,
# call_soon/call_later ordering, run_in_executor (threads), TaskGroup, contextvars.
import asyncio
import contextvars

log = []


async def work(n, delay=0.001):
    await asyncio.sleep(delay)
    log.append(n)
    return n * n


async def fails(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def tasks_and_gather():
    t = asyncio.create_task(work(3), name="three")
    print(t.get_name(), await t, t.done(), t.result())
    print(await asyncio.gather(work(1), work(2, 0.002), work(4, 0)))
    print(await asyncio.gather(work(5), fails("boom"), return_exceptions=True))
    try:
        await asyncio.gather(fails("first"), work(6))
    except ValueError as e:
        print("gather raised", e)
    done, pending = await asyncio.wait([asyncio.create_task(work(i, i / 1000)) for i in range(3)])
    print(sorted(t.result() for t in done), len(pending))
    order = [await f for f in asyncio.as_completed([work(7, 0.003), work(8, 0.001)])]
    print(order)


async def cancellation():
    started = asyncio.Event()

    async def forever():
        started.set()
        try:
            await asyncio.sleep(100)
        except asyncio.CancelledError:
            log.append("cancelled inside")
            raise

    t = asyncio.create_task(forever())
    await started.wait()
    t.cancel("stop it")
    try:
        await t
    except asyncio.CancelledError as e:
        print("CancelledError", e.args, t.cancelled())
    inner = asyncio.create_task(work(9, 0.002))
    outer = asyncio.shield(inner)
    outer.cancel()
    await asyncio.sleep(0.01)
    print("shielded", inner.result(), outer.cancelled())


async def timeouts():
    try:
        async with asyncio.timeout(0.005):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout() expired")
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.005)
    except asyncio.TimeoutError:
        print("wait_for expired")
    print(await asyncio.wait_for(work(10), 1))


async def sync_primitives():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    cond = asyncio.Condition()
    shared = []

    async def locked(i):
        async with lock:
            shared.append(("in", i))
            await asyncio.sleep(0)
            shared.append(("out", i))

    await asyncio.gather(*(locked(i) for i in range(3)))
    print(shared)
    active = [0, 0]

    async def limited():
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.001)
            active[0] -= 1

    await asyncio.gather(*(limited() for _ in range(6)))
    print("max concurrent", active[1])

    async def waiter():
        async with cond:
            await cond.wait_for(lambda: shared == [])
            return "woken"

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    async with cond:
        shared.clear()
        cond.notify_all()
    print(await w)


async def queues():
    q = asyncio.Queue(maxsize=2)
    out = []

    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)

    async def consumer():
        while (item := await q.get()) is not None:
            out.append(item)
            q.task_done()
        q.task_done()

    await asyncio.gather(producer(), consumer())
    await q.join()
    print(out, q.empty())
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 3):
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)])
    try:
        asyncio.Queue().get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


async def callbacks():
    loop = asyncio.get_running_loop()
    seen = []
    fut = loop.create_future()
    loop.call_later(0.002, seen.append, "later")
    loop.call_soon(seen.append, "soon")
    loop.call_soon(fut.set_result, "fut")
    print(await fut, seen)
    await asyncio.sleep(0.01)
    print(seen)
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))


async def task_group():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work(11))
        b = tg.create_task(work(12))
    print(a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails("in group"))
            tg.create_task(asyncio.sleep(1))
    except* ValueError as eg:
        print("group", [str(e) for e in eg.exceptions])


var = contextvars.ContextVar("var", default="unset")


async def context():
    var.set("main")

    async def child():
        return var.get()

    print(await asyncio.create_task(child()))
    ctx = contextvars.copy_context()
    ctx.run(var.set, "copy")
    print(await asyncio.create_task(child(), context=ctx) if hasattr(asyncio.TaskGroup, "create_task") else None)


async def main():
    await tasks_and_gather()
    await cancellation()
    await timeouts()
    await sync_primitives()
    await queues()
    await callbacks()
    await task_group()
    await context()
    print(sorted(map(str, log)))


asyncio.run(main())
print(asyncio.run(work(13)))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(work(14)), loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
