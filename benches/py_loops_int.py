# Integer loops: range iteration, local arithmetic, comparisons, augmented assignment.
def work(n):
    total = 0
    for i in range(n):
        x = i * 7 + 3
        if x % 5 == 0:
            total += x // 5
        elif x & 1:
            total -= i
        else:
            total ^= x
    return total

checksum = 0
for rep in range(4):
    checksum += work(400_000 + rep)
print(checksum)
