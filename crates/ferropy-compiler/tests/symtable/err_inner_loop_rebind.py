[(y := 1) for x in a for y in b]
