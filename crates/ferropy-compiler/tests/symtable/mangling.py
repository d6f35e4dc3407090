class C:
    __a = 1
    def __m(self, __p):
        self.__b = __p
        return __a, __q, __dunder__
    import __mod
    from m import __name_imp
    class __Inner:
        __z = 2
        def f(self): return __z
class _:
    __k = 1
class __:
    __k = 1
def __not_in_class(): return __x
