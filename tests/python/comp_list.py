print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[c for c in w] for w in ("ab", "cd")])
x = "outer"
print([x for x in "abc"], x)
print([y := 5, y ** 2])
nums = [3, 1, 2]
print([n for n in sorted(nums)], [n + m for n, m in zip(nums, nums[1:])])
print([i for i in range(5)][::-2])
