print(*a if b else c)
