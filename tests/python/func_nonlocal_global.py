g = 0

def set_global():
    global g
    g += 1

def shadow():
    g = 100
    return g

set_global(); set_global()
print(g, shadow(), g)

def outer():
    a = 1
    def mid():
        nonlocal a
        a = 2
        def inner():
            nonlocal a
            a += 10
        inner()
    mid()
    return a
print(outer())

def create_global():
    global brand_new
    brand_new = "created"
create_global()
print(brand_new)

def read_before_assign():
    try:
        print(g)
        g = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    return "done"
print(read_before_assign())
