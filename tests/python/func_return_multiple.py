def divmod_(a, b):
    return a // b, a % b

q, r = divmod_(17, 5)
print(q, r)

def none_returner():
    pass
print(none_returner())

def early(x):
    if x < 0:
        return "negative"
    elif x == 0:
        return "zero"
    return "positive"
print([early(v) for v in (-1, 0, 1)])

def gen_return():
    for i in range(10):
        if i == 3:
            return i
print(gen_return())
