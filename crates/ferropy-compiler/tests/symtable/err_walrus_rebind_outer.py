[[(x := 1) for y in b] for x in a]
