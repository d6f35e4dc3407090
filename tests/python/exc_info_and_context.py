import_free = True

def current():
    try:
        raise IndexError("cur")
    except IndexError:
        try:
            raise KeyError("inner")
        except KeyError as k:
            return repr(k.__context__)

print(current())

try:
    try:
        1 / 0
    finally:
        print("finally sees the exception in flight")
except ZeroDivisionError as z:
    print("outer:", z)

e = Exception("x")
print(e.__traceback__, e.__context__, e.__cause__)
try:
    raise e
except Exception as caught:
    print(caught is e, caught.__traceback__ is not None)
e2 = ValueError("v").with_traceback(None)
print(e2)
