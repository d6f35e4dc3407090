print("\d is kept as backslash-d:", len("\d"))
