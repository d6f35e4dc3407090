try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), KeyError("b")])
    except* ValueError:
        raise RuntimeError("replacement")
except ExceptionGroup as eg:
    print(eg.message, sorted(type(e).__name__ for e in eg.exceptions))
except RuntimeError as r:
    print("plain", r)

try:
    try:
        raise ExceptionGroup("g", [ValueError("a")])
    except* ValueError:
        raise
except ExceptionGroup as eg:
    print("reraised", [str(e) for e in eg.exceptions])

r = []
try:
    raise ExceptionGroup("z", [OSError("o")])
except* OSError:
    r.append("os")
else:
    r.append("else")
finally:
    r.append("finally")
print(r)
