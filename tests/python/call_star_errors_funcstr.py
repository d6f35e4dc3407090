# The errors of * and ** call arguments name the callable as module.qualname().


def f(**k):
    pass

class C:
    def m(self, **k):
        pass
    @staticmethod
    def s(*a):
        pass

calls = [
    lambda: f(a=1, **{"a": 2}),
    lambda: f(*1),
    lambda: f(**1),
    lambda: C().m(a=1, **{"a": 2}),
    lambda: C.s(*None),
    lambda: len(*1),
    lambda: print(a=1, **{"a": 2}),
    lambda: [].append(*3),
    lambda: "".join(*5),
    lambda: dict.fromkeys(**5),
    lambda: (lambda **k: k)(x=1, **{"x": 2}),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: f(**{1: 2}),
    lambda: f(a=1, **{1: 2, "a": 3}),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)

class NoQual:
    def __call__(self, *a, **k):
        pass
    def __getattribute__(self, name):
        if name == "__qualname__":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __str__(self):
        return "<NoQual>"
try:
    NoQual()(*1)
except TypeError as e:
    print("TypeError:", e)
