def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extra={sorted(rest)}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "no type"

print(handle({"type": "click", "pos": (1, 2)}))
print(handle({"type": "key", "key": "a", "mod": 1, "rep": 0}))
print(handle({"type": "scroll"}))
print(handle({"other": 1}))
print(handle([1]))
