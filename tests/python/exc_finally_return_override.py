def f(log):
    try:
        log.append("try")
        return "from try"
    finally:
        log.append("finally")

def g():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "loop end"

def h():
    try:
        raise ValueError
    except ValueError:
        return "except"
    finally:
        print("h finally")

log = []
print(f(log), log)
print(g())
print(h())
