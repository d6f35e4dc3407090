# _thread.interrupt_main(signum=SIGINT, /): the signal's Python handler runs in the main
# thread (KeyboardInterrupt by default), nothing for SIG_IGN, ValueError out of range.
import _thread
import signal
import threading
import time

try:
    t = threading.Thread(target=_thread.interrupt_main)
    t.start()
    t.join()
    for _ in range(100):
        time.sleep(0.01)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt in the main thread")

seen = []
signal.signal(signal.SIGUSR1, lambda signum, frame: seen.append(signum))
_thread.interrupt_main(signal.SIGUSR1)
time.sleep(0.01)
print(seen == [signal.SIGUSR1])
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
print(_thread.interrupt_main(signal.SIGUSR2))
for bad in (0, 99999, -1):
    try:
        _thread.interrupt_main(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    _thread.interrupt_main(signum=signal.SIGINT)
except TypeError as e:
    print("TypeError", e)
try:
    _thread.interrupt_main("x")
except TypeError as e:
    print("TypeError", e)
try:
    _thread.interrupt_main(1, 2)
except TypeError as e:
    print("TypeError", e)
