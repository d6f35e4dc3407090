for i in range(3):
    print("i", i)
else:
    print("for completed")

for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)

n = 0
while n < 3:
    n += 1
else:
    print("while completed", n)

while True:
    n -= 1
    if n == 0:
        break
print("n", n)

for x in []:
    pass
else:
    print("empty for else")

total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
print(total)

for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
