async def boom():
    raise ValueError("from coroutine")

async def catcher():
    try:
        await boom()
    except ValueError as e:
        return f"caught {e}"

def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

print(run(catcher()))

async def not_awaitable():
    await 5
try:
    run(not_awaitable())
except TypeError as e:
    print("TypeError:", e)

async def simple():
    return 1
co = simple()
run(co)
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

class NoAenter: pass
async def bad_with():
    async with NoAenter():
        pass
try:
    run(bad_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
