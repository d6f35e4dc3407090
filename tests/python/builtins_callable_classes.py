print(callable(print), callable(str), callable(str.upper), callable("x".upper), callable(None))
class WithCall:
    def __call__(self): return "called"
class Without: pass
print(callable(WithCall()), callable(Without()), WithCall()())
try:
    Without()()
except TypeError as e:
    print("TypeError:", e)
five = 5
try:
    five()
except TypeError as e:
    print("TypeError:", e)
import_free = True
def f(): pass
print(callable(f), callable(lambda: 0), callable(type), callable(WithCall.__call__))
