class MyBase(BaseException):
    pass
try:
    try:
        raise MyBase("not an Exception")
    except Exception:
        print("not reached")
except BaseException as e:
    print("caught BaseException", type(e).__name__, e)
try:
    raise GeneratorExit
except GeneratorExit:
    print("GeneratorExit caught")
for cls in (Exception, BaseException, ArithmeticError, LookupError, OSError, Warning, UserWarning):
    print(cls.__name__, cls.__bases__[0].__name__ if cls.__bases__ else None)
print(isinstance(StopIteration(), Exception), isinstance(SystemExit(), Exception))
