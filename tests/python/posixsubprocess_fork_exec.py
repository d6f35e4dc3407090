# _posixsubprocess.fork_exec (3.11 signature) driven directly: pipes wired to 0/1/2, cwd,
# env, pass_fds/close_fds, umask, and the error-pipe reports for a missing program and
# a bad cwd (the protocol subprocess.py reads).
import os, _posixsubprocess

def run(argv, *, exe=None, cwd=None, env=None, close_fds=True, pass_fds=(), umask=-1, stdin_data=None):
    p2cread, p2cwrite = os.pipe()
    c2pread, c2pwrite = os.pipe()
    errread, errwrite = os.pipe()
    errpipe_read, errpipe_write = os.pipe()
    exes = [os.fsencode(e) for e in (exe or [argv[0]])]
    # As subprocess.py does, the error pipe is kept open in the child.
    keep = tuple(sorted({*pass_fds, errpipe_write}))
    pid = _posixsubprocess.fork_exec(
        argv, exes, close_fds, keep, cwd, env,
        p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
        errpipe_read, errpipe_write, True, False, -1, None, None, None, umask, None, True)
    for fd in (p2cread, c2pwrite, errwrite, errpipe_write):
        os.close(fd)
    if stdin_data:
        os.write(p2cwrite, stdin_data)
    os.close(p2cwrite)
    err = b""
    while chunk := os.read(errpipe_read, 100):
        err += chunk
    os.close(errpipe_read)
    out = b""
    while chunk := os.read(c2pread, 4096):
        out += chunk
    errout = b""
    while chunk := os.read(errread, 4096):
        errout += chunk
    os.close(c2pread); os.close(errread)
    _, status = os.waitpid(pid, 0)
    return out, errout, err, os.waitstatus_to_exitcode(status)

print(run([b"/bin/echo", b"hello", "wörld"]))
print(run(["/bin/sh", "-c", "cat; echo err >&2; exit 3"], stdin_data=b"piped\n"))
print(run(["/bin/pwd"], cwd="/tmp"))
print(run(["/bin/sh", "-c", "echo $FOO"], env=[b"FOO=bar"]))
print(run(["/bin/sh", "-c", "umask"], umask=0o027))
r, w = os.pipe()
print(run(["/bin/sh", "-c", f"echo passed >&{w}; ls /proc/self/fd | wc -l"], pass_fds=[w])[0].split(), os.read(r, 100))
os.close(r); os.close(w)
# Errors reported through the error pipe (exec never ran / exec failed).
print(run(["nope"], exe=["/nonexistent/nope", "/also/missing"])[2:])
print(run(["/bin/true"], cwd="/nonexistent-dir")[2:])
print(run(["x"], exe=["/etc/passwd"])[2:])
print(run(["/bin/true"], cwd="/nonexistent-dir", close_fds=False)[2:])
# Argument errors in the parent.
for args in [(), ([b"/bin/true"], [b"/bin/true"], True, (3, 2), None, None, -1, -1, -1, -1, -1, -1, 5, 6, True, False, -1, None, None, None, -1, None, True),
             ([b"/bin/true"], [b"/bin/true"], True, [3], None, None, -1, -1, -1, -1, -1, -1, 5, 6, True, False, -1, None, None, None, -1, None, True)]:
    try:
        _posixsubprocess.fork_exec(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# gid/uid/extra_groups conversions (CPython's id converters; a bad group is "invalid group id").
for gid, groups, uid in [(None, ["x"], None), (None, [1.5], None), (None, [-2], None), (None, [2**64], None),
                         (2**64, None, None), (-2, None, None), (None, None, "a"), (None, None, 2**32)]:
    try:
        _posixsubprocess.fork_exec([b"/bin/true"], [b"/bin/true"], True, (), None, None, -1, -1, -1, -1, -1, -1,
                                   5, 6, True, False, -1, gid, groups, uid, -1, None, True)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
