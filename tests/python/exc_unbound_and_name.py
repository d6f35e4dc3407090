def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, "|", e, "|", isinstance(e, NameError))
try:
    undefined_thing
except NameError as e:
    print(e, e.name if hasattr(e, "name") else "")
def g():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(e)
    y = 1
g()
