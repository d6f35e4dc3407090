def f():
    return 1
    x = 2
while True:
    break
else:
    pass
if 0:
    x = 1
else:
    y = 2
