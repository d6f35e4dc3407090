def pair():
    x = 0
    def get(): return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_

get, set_ = pair()
print(get()); set_(5); print(get())

def loop_cells():
    fs = []
    for i in range(3):
        def f(i=i): return i
        fs.append(f)
    gs = []
    for j in range(3):
        gs.append(lambda: j)
    return [f() for f in fs], [g() for g in gs]
print(loop_cells())

def deleted_cell():
    x = 1
    def inner(): return x
    del x
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
deleted_cell()
