# CPython's lib-dynload accelerators that need _PyRuntime and the internal API: _datetime,
# _zoneinfo, _asyncio, _lsprof (cProfile) loaded into ferropy, used through their modules.
import datetime, asyncio, cProfile, pstats, io, zoneinfo
print(datetime.datetime(2024,3,1,12,30, tzinfo=datetime.timezone.utc).isoformat(), datetime.date.today().year > 2000)
print(datetime.datetime.strptime("2024-01-02 03:04", "%Y-%m-%d %H:%M") + datetime.timedelta(days=40))
import _datetime, _asyncio, _lsprof
print(type(datetime.datetime).__module__, datetime.datetime.__module__, datetime.datetime is _datetime.datetime)
print(asyncio.Future is _asyncio.Future, asyncio.Task is _asyncio.Task)
z = zoneinfo.ZoneInfo("Europe/Paris"); print(datetime.datetime(2024,7,1,tzinfo=z).utcoffset())
async def main():
    r = await asyncio.gather(*(asyncio.sleep(0.01, result=i) for i in range(5)))
    t = asyncio.create_task(asyncio.sleep(0.01, result='t'))
    return r, await t, type(t).__module__
print(asyncio.run(main()))
pr = cProfile.Profile(); pr.enable(); sum(range(1000)); pr.disable()
s = io.StringIO(); pstats.Stats(pr, stream=s); print('profiled', len(s.getvalue()) >= 0)
