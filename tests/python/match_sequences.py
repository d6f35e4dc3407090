def shape(p):
    match p:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"

for v in ([], [1], (1, 2), [1, 2, 3, 4], "ab", range(3)):
    print(repr(v), shape(v))

match (1, (2, 3)):
    case (a, (b, c)):
        print(a + b + c)
match [1, 2, 3]:
    case [1, *_]:
        print("starts with 1")
