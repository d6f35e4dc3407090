def a():
    b()

def b():
    raise ValueError("an uncaught error with a message")

print("about to fail")
a()
print("never printed")
