# time: clocks (types, monotonicity, ns/float agreement), sleep, gmtime/localtime/mktime
# round trips, struct_time, strftime/asctime/ctime on fixed times, the time zone
# attributes, get_clock_info, and CPython's errors. No wall-clock values are printed.
import time

print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__)
a, b = time.monotonic(), time.monotonic()
print(b >= a, time.perf_counter_ns() > 0, time.process_time() >= 0, time.thread_time_ns() >= 0)
print(abs(time.time() - time.time_ns() / 1e9) < 1, abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1)
print(time.clock_gettime_ns(time.CLOCK_MONOTONIC) > 0, time.clock_getres(time.CLOCK_MONOTONIC) > 0)
t0 = time.monotonic()
time.sleep(0.05)
print(time.monotonic() - t0 >= 0.05)
time.sleep(0)
for bad in [-1, float("nan"), "x", 2 ** 63, 1e300, None]:
    try:
        time.sleep(bad)
    except Exception as e:
        print(type(e).__name__, e)

for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0, type(info).__name__)
for bad in ["x", 1]:
    try:
        time.get_clock_info(bad)
    except Exception as e:
        print(type(e).__name__, e)

g = time.gmtime(0)
print(g, g.tm_zone, g.tm_gmtoff, len(g), g[0], g[-1], g[:3])
print(time.gmtime(1e9), time.gmtime(1234567890.9).tm_sec, time.gmtime(-1).tm_year)
print(type(time.gmtime()).__name__, time.gmtime().tm_year >= 2024, time.localtime().tm_year >= 2024)
lt = time.localtime(1700000000)
print(time.mktime(lt) == 1700000000.0, type(time.mktime(lt)).__name__, lt.tm_isdst in (0, 1))
print(time.mktime((2000, 1, 1, 25, 0, 0, 0, 1, -1)) - time.mktime((2000, 1, 2, 1, 0, 0, 0, 1, -1)))
print(time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0)), time.struct_time.n_fields, time.struct_time.n_sequence_fields)
print(time.struct_time.__match_args__, time._STRUCT_TM_ITEMS)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print("TypeError", e)
for bad in [1e300, 2 ** 70, "x", float("nan"), 2 ** 60]:
    try:
        time.gmtime(bad)
    except Exception as e:
        print(type(e).__name__, e)

fixed = (2001, 9, 9, 1, 46, 40, 6, 252, 0)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %w %% %y", fixed))
print(repr(time.strftime("", fixed)), repr(time.strftime("%", fixed)), time.strftime("%Y", time.gmtime(0)))
print(time.strftime("%Z %z", time.gmtime(0)), time.strftime("é %d", fixed))
print(time.strftime("%Y %m %d %j", (2000, 0, 0, 0, 0, 0, 0, 0, 0)), time.strftime("%Y", (1, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.asctime(fixed), time.asctime(time.gmtime(0)), time.asctime((2000, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.ctime(0), time.ctime(1e9) == time.asctime(time.localtime(1e9)), len(time.ctime()))
for call in [lambda: time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0)),
             lambda: time.strftime("%Y", (2000, 1, 32, 0, 0, 0, 0, 1, 0)),
             lambda: time.strftime("%Y", (2000, 1, 1, 24, 0, 0, 0, 1, 0)),
             lambda: time.strftime("%Y", (2000, 1, 1, 0, 60, 0, 0, 1, 0)),
             lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 62, 0, 1, 0)),
             lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, -2, 1, 0)),
             lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 367, 0)),
             lambda: time.strftime("%Y", (1, 2)), lambda: time.strftime("%Y", 5),
             lambda: time.strftime(5), lambda: time.strftime("a\0b", fixed),
             lambda: time.strftime("%Y", ("x",) * 9), lambda: time.asctime((1, 2)),
             lambda: time.mktime((1, 2)), lambda: time.mktime(5), lambda: time.asctime(5),
             lambda: time.strftime("%Y", (1.5,) * 9)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), len(time.tzname))
print(time.timezone == -time.localtime(0).tm_gmtoff or time.daylight == 1)
time.tzset()
print(time.CLOCK_MONOTONIC, time.CLOCK_REALTIME, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID)
print(time.pthread_getcpuclockid.__name__, time.strptime.__name__)
