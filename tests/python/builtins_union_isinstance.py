print(isinstance(1, int | str), isinstance("s", int | str), isinstance(1.5, int | str))
print(int | None, (int | str).__args__, issubclass(bool, int | float))
print(isinstance(None, type(None) | int))
def f(x: int | None = None) -> list[int]:
    return [x or 0]
print(f(), f(3), f.__annotations__["x"], f.__annotations__["return"])
print(list[int].__origin__, dict[str, int].__args__)
