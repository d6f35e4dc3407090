x = 1
raise ValueError("broken on purpose")
