def gen():
    yield 1
    x = yield
    yield from other()
async def co():
    await thing
    async with a as b:
        pass
    async for c in d:
        pass
def deco(): pass
@deco
class D(Base, metaclass=M, **kw):
    @property
    def p(self, arg=default_value): return arg
