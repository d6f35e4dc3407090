try:
    raise SystemExit
except SystemExit as e:
    print("caught SystemExit", e.code)
raise SystemExit(None)
