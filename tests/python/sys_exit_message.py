print("exit with a message")
raise SystemExit("fatal: message goes to stderr")
