def f():
    global g
    [(g := x) for x in y]
