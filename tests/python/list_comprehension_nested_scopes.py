matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix)
print([row[i] for i, row in enumerate(matrix)])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
pairs = [(a, b) for a in "xy" for b in range(2)]
print(pairs)
print({(a, b): a * b for a in range(3) for b in range(3) if a < b})
n = 3
print([[n] * n for n in range(n)])
print(n)
