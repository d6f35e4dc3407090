def raiser():
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])

try:
    raiser()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* (TypeError, KeyError) as eg:
    print("others:", sorted(type(e).__name__ for e in eg.exceptions))

try:
    try:
        raiser()
    except* ValueError:
        print("handled values only")
except ExceptionGroup as rest:
    print("rest:", rest.message, [type(e).__name__ for e in rest.exceptions])

eg = ExceptionGroup("msg", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])
match, rest = eg.split(TypeError)
print(repr(match), repr(rest))
print(eg.subgroup(ValueError).exceptions)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    raise ValueError("naked")
except* ValueError as eg:
    print(type(eg).__name__, eg.exceptions)
