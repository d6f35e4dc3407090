"""A plain module imported by the import tests."""
NUMBER = 32
calls = 0


def bump():
    global calls
    calls += 1
    return calls
