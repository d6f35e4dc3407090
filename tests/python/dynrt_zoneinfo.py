# zoneinfo with lib-dynload's _zoneinfo present: it must import (C _zoneinfo when the C
# datetime API exists, else the pure-Python fallback) and give CPython's answers.
import datetime
import zoneinfo

paris = zoneinfo.ZoneInfo("Europe/Paris")
ny = zoneinfo.ZoneInfo("America/New_York")
# (repr differs: the pure-Python fallback omits the module name)
print(paris, paris.key, zoneinfo.ZoneInfo("Europe/Paris") is paris)
summer = datetime.datetime(2024, 7, 1, 12, tzinfo=paris)
winter = datetime.datetime(2024, 1, 15, 8, 30, tzinfo=paris)
for d in (summer, winter):
    print(d.isoformat(), d.utcoffset(), d.dst(), d.tzname())
    print(d.astimezone(ny).isoformat(), d.astimezone(datetime.timezone.utc).isoformat())
# The autumn fold: 02:30 happens twice in Paris on 2024-10-27.
for fold in (0, 1):
    d = datetime.datetime(2024, 10, 27, 2, 30, fold=fold, tzinfo=paris)
    print("fold", fold, d.utcoffset(), d.tzname())
# A gap: 02:30 does not exist on 2024-03-31.
gap = datetime.datetime(2024, 3, 31, 2, 30, tzinfo=paris)
print("gap", gap.utcoffset(), gap.astimezone(datetime.timezone.utc).isoformat())
print(datetime.datetime.fromtimestamp(0, tz=ny).isoformat())
utc = zoneinfo.ZoneInfo("UTC")
print(datetime.datetime(2000, 1, 1, tzinfo=utc).utcoffset(), utc.tzname(None))
try:
    zoneinfo.ZoneInfo("No/Such_Zone")
except zoneinfo.ZoneInfoNotFoundError as e:
    print(type(e).__name__, e)
try:
    zoneinfo.ZoneInfo("../etc/passwd")
except ValueError as e:
    print(type(e).__name__, e)
fresh = zoneinfo.ZoneInfo.no_cache("Europe/Paris")
print(fresh is paris, fresh == paris, str(fresh))
print(sorted(zoneinfo.available_timezones() & {"Europe/Paris", "Asia/Tokyo", "Nope/Nope"}))
