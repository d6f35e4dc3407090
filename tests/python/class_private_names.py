class A:
    def __init__(self):
        self.__secret = "a"
        self._protected = "p"
    def reveal(self):
        return self.__secret
    def __private_method(self):
        return "pm"
    def call(self):
        return self.__private_method()

class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "b"

b = B()
print(b.reveal(), b._A__secret, b._B__secret, b.call())
print(sorted(k for k in vars(b)))
try:
    b.__secret
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(A, "_A__private_method"))
