class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

class NotFound(AppError):
    pass

class WithStr(Exception):
    def __str__(self):
        return "custom str"

try:
    raise NotFound(404, "nothing here")
except AppError as e:
    print(type(e).__name__, e.code, e, e.args)

try:
    raise WithStr("ignored")
except Exception as e:
    print(e, repr(e), e.args)

e = ValueError(1, 2)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
try:
    raise NotFound
except TypeError as t:
    print("TypeError:", t)
