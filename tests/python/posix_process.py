# posix process calls: ids, fork/waitpid and the W* decoders, kill with signal 0,
# environ/putenv/unsetenv, register_at_fork, and system facts (derived, not raw values).
import posix

print(posix.getpid() > 0, posix.getppid() > 0, posix.getpid() != posix.getppid())
print(posix.getuid() == posix.geteuid(), posix.getgid() == posix.getegid(), posix.getpgrp() > 0)
print(posix.getsid(0) > 0, posix.getpgid(0) == posix.getpgrp())
posix.kill(posix.getpid(), 0)
try:
    posix.kill(2 ** 22 + 12345, 0)
except ProcessLookupError as e:
    print(type(e).__name__, e.errno, e)

calls = []
posix.register_at_fork(before=lambda: calls.append("before1"), after_in_parent=lambda: calls.append("parent"))
posix.register_at_fork(before=lambda: calls.append("before2"))
for bad in [{}, {"before": 1}, {"after_in_child": None, "after_in_parent": None}]:
    try:
        posix.register_at_fork(**bad)
    except TypeError as e:
        print("TypeError", e)

pid = posix.fork()
if pid == 0:
    posix._exit(7)
wpid, status = posix.waitpid(pid, 0)
print(wpid == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.WIFSIGNALED(status),
      posix.waitstatus_to_exitcode(status), calls)

pid = posix.fork()
if pid == 0:
    posix.kill(posix.getpid(), 9)
    posix._exit(0)
wpid, status = posix.wait()
print(wpid == pid, posix.WIFEXITED(status), posix.WIFSIGNALED(status), posix.WTERMSIG(status),
      posix.waitstatus_to_exitcode(status), posix.WCOREDUMP(status), posix.WIFSTOPPED(status))
try:
    posix.waitpid(-1, 0)
except ChildProcessError as e:
    print(type(e).__name__, e)
print(posix.waitpid(-1, posix.WNOHANG) if False else "skip")
for s in [256, 9, 0x7f, 0x137f, 0]:
    try:
        print(s, posix.waitstatus_to_exitcode(s))
    except ValueError as e:
        print("ValueError", e)
print(posix.WIFEXITED(status=0), posix.WEXITSTATUS(0x2a00), posix.WSTOPSIG(0x137f))

# exec in a child: the child's exit code carries what it saw.
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.dup2(w, 1)
    posix.execve("/bin/sh", ["sh", "-c", "echo $FERRO_X; exit 3"], {"FERRO_X": "from-execve"})
    posix._exit(99)
posix.close(w)
out = b""
while True:
    chunk = posix.read(r, 100)
    if not chunk:
        break
    out += chunk
posix.close(r)
print(out, posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
for bad in [lambda: posix.execv("/bin/true", []), lambda: posix.execv("/bin/true", [""]),
            lambda: posix.execv("/bin/true", "x"), lambda: posix.execv("/nonexistent/x", ["x"])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

env = posix.environ
print(type(env).__name__, all(isinstance(k, bytes) and isinstance(v, bytes) for k, v in env.items()))
print(env.get(b"PATH") is not None)
posix.putenv("FERROPY_TEST_VAR", "value1")
posix.putenv(b"FERROPY_TEST_VAR2", b"value2")
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.dup2(w, 1)
    posix.execv("/bin/sh", ["sh", "-c", "echo $FERROPY_TEST_VAR-$FERROPY_TEST_VAR2"])
posix.close(w)
print(posix.read(r, 100))
posix.close(r)
posix.waitpid(pid, 0)
posix.unsetenv("FERROPY_TEST_VAR")
for bad in [("a=b", "c"), ("a\0", "b"), ("", "x")]:
    try:
        posix.putenv(*bad)
    except Exception as e:
        print(type(e).__name__, e)

old = posix.umask(0o027)
print(oct(posix.umask(old)))
u = posix.uname()
print(type(u).__name__, len(u), u.sysname, u[0] == u.sysname, u._fields if hasattr(u, "_fields") else None)
t = posix.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.elapsed == t[4])
print(posix.cpu_count() >= 1, len(posix.urandom(16)), posix.urandom(0), posix.urandom(32) != posix.urandom(32))
try:
    posix.urandom(-1)
except ValueError as e:
    print("ValueError", e)
print(posix.strerror(2), posix.strerror(13), posix.strerror(99999))
print(posix.device_encoding(99), posix.isatty(99))
try:
    posix.get_terminal_size(99)
except OSError as e:
    print(type(e).__name__, e)
print(posix.terminal_size((80, 24)), posix.stat_result.__name__, posix.error is OSError)
print([h in posix._have_functions for h in ("HAVE_FSTATAT", "HAVE_OPENAT", "HAVE_UNLINKAT", "HAVE_FDOPENDIR")])
print(posix.O_RDONLY, posix.O_WRONLY, posix.O_CREAT, posix.O_EXCL, posix.O_CLOEXEC, posix.F_OK, posix.W_OK,
      posix.WNOHANG, posix.EX_OK, posix.EX_USAGE, posix.SEEK_HOLE)


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(posix.fspath(P("a")), posix.fspath(P(b"b")), posix.fspath("s"), posix.fspath(b"b"))
for bad in [P(1), 1, None]:
    try:
        posix.fspath(bad)
    except TypeError as e:
        print("TypeError", e)
