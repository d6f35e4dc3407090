def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise

try:
    f()
except ValueError as e:
    print("got", e)

def g():
    try:
        raise KeyError(1)
    except KeyError as e:
        err = e
    return err
print(repr(g()))

def name_cleared():
    try:
        raise ValueError
    except ValueError as exc:
        pass
    try:
        return exc
    except UnboundLocalError as u:
        return "cleared: " + str(u)
print(name_cleared())

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
