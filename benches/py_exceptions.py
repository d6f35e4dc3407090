# Exceptions: raise and catch across frames, try/finally, custom exception classes.
class Oops(Exception):
    pass

def thrower(i):
    if i % 3 == 0:
        raise Oops(i)
    if i % 3 == 1:
        raise KeyError(i)
    return i

def run(n):
    caught = 0
    cleanups = 0
    for i in range(n):
        try:
            try:
                caught += thrower(i)
            finally:
                cleanups += 1
        except Oops as e:
            caught += e.args[0]
        except LookupError:
            caught -= 1
    return caught, cleanups

print(run(500_000))
