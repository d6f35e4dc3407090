# _signal: Python handlers run between bytecodes after os.kill/raise_signal, getsignal
# and the values signal() returns, SIG_IGN/SIG_DFL, default_int_handler raising
# KeyboardInterrupt for SIGINT, alarm interrupting time.sleep (the sleep goes on unless
# the handler raises), setitimer, pthread_sigmask/sigpending, set_wakeup_fd, errors.
import _signal as signal
import posix
import time

print(signal.SIG_DFL, signal.SIG_IGN, signal.NSIG, signal.SIGINT, signal.SIGUSR1, signal.SIGALRM)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGUSR1),
      signal.getsignal(signal.SIGPIPE))

seen = []


def handler(signum, frame):
    seen.append((signum, type(frame).__name__))


old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
posix.kill(posix.getpid(), signal.SIGUSR1)
print(seen)
signal.raise_signal(signal.SIGUSR1)
print(seen)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
posix.kill(posix.getpid(), signal.SIGUSR1)
print(len(seen), signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL))


class Stop(Exception):
    pass


def raising(signum, frame):
    raise Stop("from handler %d" % signum)


signal.signal(signal.SIGUSR2, raising)
try:
    posix.kill(posix.getpid(), signal.SIGUSR2)
    print("not reached")
except Stop as e:
    print("caught", e)

try:
    signal.raise_signal(signal.SIGINT)
    print("not reached")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises")

# alarm interrupting a sleep: a handler that returns lets the sleep finish.
alarms = []
signal.signal(signal.SIGALRM, lambda n, f: alarms.append(n))
t0 = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.2)
print(alarms, time.monotonic() - t0 >= 0.2)
signal.signal(signal.SIGALRM, raising)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
try:
    time.sleep(5)
except Stop as e:
    print("sleep interrupted:", e, time.monotonic() - t0 < 4)
print(signal.alarm(0), signal.getitimer(signal.ITIMER_REAL))
signal.alarm(10)
print(signal.alarm(0) > 0)

# a loop interrupted between bytecodes
signal.setitimer(signal.ITIMER_REAL, 0.05)
n = 0
try:
    while True:
        n += 1
except Stop:
    print("loop interrupted", n > 0)
signal.signal(signal.SIGALRM, signal.SIG_DFL)

# blocked signals stay pending until unblocked
signal.signal(signal.SIGUSR1, handler)
seen.clear()
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])) == [] or True)
posix.kill(posix.getpid(), signal.SIGUSR1)
print(seen, signal.SIGUSR1 in signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
print(seen)

r, w = posix.pipe()
posix.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.raise_signal(signal.SIGUSR1)
print(posix.read(r, 10), signal.set_wakeup_fd(-1) == w)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGUSR1), len(signal.valid_signals()) > 30)
print(type(signal.ItimerError).__name__, issubclass(signal.ItimerError, OSError), signal.ItimerError.__name__)
for call in [lambda: signal.signal(0, signal.SIG_DFL), lambda: signal.signal(99, signal.SIG_DFL),
             lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN), lambda: signal.signal(2, 5),
             lambda: signal.signal(2, "x"), lambda: signal.getsignal(0), lambda: signal.strsignal(0),
             lambda: signal.pthread_sigmask(99, []), lambda: signal.pthread_sigmask(0, [0]),
             lambda: signal.setitimer(99, 1), lambda: signal.siginterrupt(0, 1),
             lambda: signal.set_wakeup_fd(99), lambda: signal.set_wakeup_fd(r)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, str(e).replace("fd %d " % r, "fd R "))
posix.close(r)
posix.close(w)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
