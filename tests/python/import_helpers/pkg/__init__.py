# A regular package: its __init__ runs once, on first import.
loaded = ["pkg"]
value = 10


def describe():
    return f"pkg from {__name__}, package {__package__!r}"
