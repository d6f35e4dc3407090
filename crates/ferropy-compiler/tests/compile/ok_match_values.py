match x:
    case -1 | 1+2j | -1.5-3j | a.b | "s" | b"x" | ...:
        pass
