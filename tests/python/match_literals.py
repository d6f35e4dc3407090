def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case _:
            return "other"

for v in (0, 2, "hello", None, True, -1, 1.5, 99, False, 1.0):
    print(repr(v), classify(v))
