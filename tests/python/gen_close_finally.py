log = []
def res():
    log.append("open")
    try:
        for i in range(10):
            yield i
    finally:
        log.append("close")

for v in res():
    if v == 2:
        break
print(log)
g = res()
next(g)
del g
print(log)

def catch_exit():
    try:
        yield 1
    except GeneratorExit:
        log.append("GeneratorExit seen")
        raise
c = catch_exit()
next(c)
c.close()
print(log[-1])
def throw_into():
    try:
        yield 1
    except ValueError as e:
        yield "handled " + str(e)
t = throw_into()
next(t)
print(t.throw(ValueError("boom")))
try:
    t.throw(KeyError("second"))
except KeyError as e:
    print("propagated", e)
