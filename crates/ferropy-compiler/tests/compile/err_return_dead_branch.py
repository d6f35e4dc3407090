if 0:
    return
