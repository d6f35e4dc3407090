def f():
    for i in x:
        try:
            if i: continue
            if i: break
            return i
        finally:
            g()
    with a:
        for j in b:
            try:
                return j
            except E as e:
                return e
