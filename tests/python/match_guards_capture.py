def f(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as direction]:
            return "going " + direction
        case ["go", other]:
            return "can't go " + other
        case ["take", *items] if items:
            return "taking " + ", ".join(items)
        case ["take"]:
            return "take what?"
        case [verb, *_] if verb.startswith("q"):
            return "quit"
        case _:
            return "?"

for c in ("go north", "go west", "take a b", "take", "quit now", "dance"):
    print(c, "->", f(c))

import_free = True
x = 5
match x:
    case value:
        print("captured", value)

MISSING = object()
class K:
    RED = "red"
match "red":
    case K.RED:
        print("matched constant via dotted name")
