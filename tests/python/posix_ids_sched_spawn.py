# posix identity, scheduling, terminals, waiting and spawning: the set*id family and its
# argument conversion, groups, priorities, sched_*, openpty/ttyname, wait3/wait4/waitid,
# posix_spawn(p), system, chown/fchown/lchown, fchmod/fchdir, mknod/makedev, xattrs and
# _path_normpath. Only relations and error types/messages are printed.
import os
import posixpath
import signal
import sys
import tempfile

uid, gid = os.getuid(), os.getgid()
here = os.open(".", os.O_RDONLY)
print(os.getresuid() == (uid, os.geteuid(), os.getresuid()[2]), os.getresgid()[0] == gid)
print(type(os.getgroups()), all(type(g) is int for g in os.getgroups()))
print(gid in os.getgrouplist("root", gid), type(os.getgrouplist("root", 0)))
os.setuid(uid)
os.setgid(gid) if gid == os.getegid() else None
os.seteuid(os.geteuid())
os.setreuid(-1, -1)
os.setregid(-1, -1)
os.setresuid(-1, -1, -1)
os.setresgid(-1, -1, -1)
for value in (-2, 2**32, 2**64, -2**64, 1.0, "0"):
    for f in (os.setuid, os.setgid, os.seteuid):
        try:
            f(value)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
for call in (lambda: os.setgroups(1), lambda: os.setgroups(["a"]), lambda: os.setgroups(list(range(70000))),
             lambda: os.getgrouplist("root", -5), lambda: os.setreuid(1), lambda: os.initgroups(5, 0),
             lambda: os.killpg(-1, 0) if False else os.killpg(0, 99), lambda: os.setpgid(-1, 0),
             lambda: os.getpriority(99, 0), lambda: os.setpriority(os.PRIO_PROCESS, 0, "x"),
             lambda: os.sched_param(), lambda: os.sched_param(1, 2), lambda: os.sched_setscheduler(0, 0, 5),
             lambda: os.sched_setparam(0, 5), lambda: os.sched_setparam(0, os.sched_param("x")),
             lambda: os.sched_setparam(0, os.sched_param(2**40)), lambda: os.sched_setaffinity(0, [-1]),
             lambda: os.sched_setaffinity(0, ["a"]), lambda: os.sched_setaffinity(0, 5),
             lambda: os.sched_setaffinity(0, []), lambda: os.sched_setaffinity(0, [2**70]),
             lambda: os.sched_get_priority_min(policy=99), lambda: os.ttyname(-1), lambda: os.tcgetpgrp(-1),
             lambda: os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG), lambda: os.wait3(os.WNOHANG),
             lambda: os.wait4(-1, os.WNOHANG), lambda: os.makedev(2**32, 0), lambda: os.makedev(1.5, 0),
             lambda: os.chown("/nonexistent-dir/x", -1, -1), lambda: os.chown("/", "a", -1),
             lambda: os.lchown("/nonexistent-dir/x", uid, gid), lambda: os.fchown(-1, uid, gid),
             lambda: os.fchmod(-1, 0), lambda: os.fchdir(-1), lambda: os.chroot("/nonexistent-dir/x"),
             lambda: os.system(1), lambda: os.system("a\0b"), lambda: posixpath.normpath(5),
             lambda: os.chown(here, -1, -1, follow_symlinks=False), lambda: os.chown(here, -1, -1, dir_fd=here),
             lambda: os.getxattr(here, "user.x", follow_symlinks=False), lambda: os.listxattr(5.5),
             lambda: os.listxattr(here, follow_symlinks=False), lambda: os.getgrouplist(b"root", 0),
             lambda: os.getgrouplist("a\0b", 0), lambda: os.initgroups(5, 0)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(os.getpriority(os.PRIO_PROCESS, 0) == os.getpriority(os.PRIO_PROCESS, os.getpid()))
os.setpriority(os.PRIO_PROCESS, 0, os.getpriority(os.PRIO_PROCESS, 0))

p = os.sched_param(5)
print(p, p.sched_priority, os.sched_param(sched_priority=3), type(p).__module__, type(p).n_fields, p == (5,))
print(os.sched_getparam(0), os.sched_getscheduler(0) == os.SCHED_OTHER, type(os.sched_rr_get_interval(0)))
print(os.sched_get_priority_max(os.SCHED_FIFO) >= os.sched_get_priority_min(os.SCHED_FIFO))
cpus = os.sched_getaffinity(0)
print(type(cpus), len(cpus) >= 1, all(type(c) is int for c in cpus))
os.sched_setaffinity(0, cpus)
os.sched_setaffinity(0, list(cpus))
print(os.sched_getaffinity(0) == cpus, os.sched_yield())
os.sched_setparam(0, os.sched_getparam(0))
os.sched_setscheduler(0, os.sched_getscheduler(0), os.sched_getparam(0))
for name in ("SCHED_OTHER", "SCHED_FIFO", "SCHED_RR", "SCHED_BATCH", "SCHED_IDLE", "SCHED_RESET_ON_FORK"):
    print(name, getattr(os, name))

loads = os.getloadavg()
print(type(loads), len(loads), all(type(x) is float for x in loads))
print(os.system("exit 3"), os.waitstatus_to_exitcode(os.system(b"exit 2")), os.system(command="true"))
print(type(os.ctermid()))

master, slave = os.openpty()
print(os.get_inheritable(master), os.get_inheritable(slave), os.isatty(slave), os.ttyname(slave).startswith("/dev/pts/"))
os.close(master)
os.close(slave)

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(7)
rpid, status, usage = os.wait4(pid, 0)
print(rpid == pid, os.WEXITSTATUS(status), type(usage).__name__, type(usage.ru_utime), type(usage.ru_maxrss))
pid = os.fork()
if pid == 0:
    os._exit(5)
rpid, status, usage = os.wait3(0)
print(rpid == pid, os.WEXITSTATUS(status), len(usage))
pid = os.fork()
if pid == 0:
    os._exit(4)
res = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(res).__name__, res.si_pid == pid, res.si_status, res.si_code == os.CLD_EXITED, res.si_signo == signal.SIGCHLD)
print(res.si_uid == uid, len(res), type(res).n_fields)

pid, master = os.forkpty()
if pid == 0:
    os.write(1, b"tty" if os.isatty(0) else b"not")
    os._exit(0)
data = b""
while len(data) < 3:
    try:
        chunk = os.read(master, 10)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
print(data[:3], os.waitpid(pid, 0)[1])
os.close(master)

env = {"FERROPY_SPAWN": "value"}
pid = os.posix_spawn("/bin/sh", ["sh", "-c", 'exit $(( ${#FERROPY_SPAWN} + 10 ))'], env)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
d = tempfile.mkdtemp()
out = os.path.join(d, "out")
pid = os.posix_spawnp("sh", ["sh", "-c", "echo spawned; echo err >&2"], dict(os.environ),
                      file_actions=[(os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT, 0o600),
                                    (os.POSIX_SPAWN_DUP2, 1, 2), (os.POSIX_SPAWN_CLOSE, 0)],
                      setsigmask=[signal.SIGUSR1], setsigdef=[signal.SIGUSR2], resetids=True, setpgroup=0)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), open(out).read().split())
pid = os.posix_spawn(sys.executable if False else "/bin/true", ["true"], {}, setsid=True, file_actions=None)
print(os.waitpid(pid, 0)[1])
e = dict(os.environ)
for call in (lambda: os.posix_spawn("/bin/true", 5, e), lambda: os.posix_spawn("/bin/true", [], e),
             lambda: os.posix_spawn("/bin/true", [""], e), lambda: os.posix_spawn("/bin/true", ["x"], 5),
             lambda: os.posix_spawn("/nonexistent-dir/x", ["x"], e), lambda: os.posix_spawnp("nonexistent_zz", ["x"], e),
             lambda: os.posix_spawn("/bin/true", ["x"], e, file_actions=[5]),
             lambda: os.posix_spawn("/bin/true", ["x"], e, file_actions=[()]),
             lambda: os.posix_spawn("/bin/true", ["x"], e, file_actions=[(99,)]),
             lambda: os.posix_spawn("/bin/true", ["x"], e, file_actions=[(os.POSIX_SPAWN_CLOSE,)]),
             lambda: os.posix_spawn("/bin/true", ["x"], e, file_actions=[(os.POSIX_SPAWN_OPEN, 1)]),
             lambda: os.posix_spawn("/bin/true", ["x"], e, file_actions=[(os.POSIX_SPAWN_DUP2, 1)]),
             lambda: os.posix_spawn("/bin/true", ["x"], e, file_actions=5),
             lambda: os.posix_spawn("/bin/true", ["x"], e, setsigmask=[0]),
             lambda: os.posix_spawn("/bin/true", ["x"], e, setsigmask=5),
             lambda: os.posix_spawn("/bin/true", ["x"], e, scheduler=(None, 5)),
             lambda: os.posix_spawn("/bin/true", ["x"], {"a=b": "c"}),
             lambda: os.posix_spawn("/bin/true", ["x"], e, setpgroup="a"),
             lambda: os.posix_spawn("/bin/true", ["x"], e, setsigdef=[99]),
             lambda: os.posix_spawn(path="/bin/true", argv=["x"], env=e)):
    try:
        print(call())
    except Exception as exc:
        print(type(exc).__name__, exc)
print(os.POSIX_SPAWN_OPEN, os.POSIX_SPAWN_CLOSE, os.POSIX_SPAWN_DUP2)

f = os.path.join(d, "f")
with open(f, "w") as fh:
    fh.write("x")
os.chown(f, uid, gid)
os.chown(f, -1, -1, follow_symlinks=False)
os.lchown(f, uid, -1)
link = os.path.join(d, "link")
os.symlink(f, link)
os.chown("link", -1, gid, dir_fd=os.open(d, os.O_RDONLY), follow_symlinks=False)
fd = os.open(f, os.O_RDWR)
os.fchown(fd, uid, gid)
os.fchmod(fd, 0o640)
os.fchmod(fd=fd, mode=0o600)
print(oct(os.stat(f).st_mode & 0o777))
try:
    os.setxattr(f, "user.ferropy", b"value")
    print(os.getxattr(f, "user.ferropy"), os.getxattr(fd, b"user.ferropy"), "user.ferropy" in os.listxattr(f))
    os.setxattr(fd, "user.second", bytearray(b"2"), os.XATTR_CREATE)
    print(sorted(os.listxattr(fd)))
    os.removexattr(f, "user.second")
    print(sorted(os.listxattr(path=f, follow_symlinks=False)))
    try:
        os.setxattr(f, "user.ferropy", b"v", os.XATTR_CREATE)
    except OSError as exc:
        print(type(exc).__name__)
except OSError as exc:
    print("xattr", type(exc).__name__)
try:
    os.getxattr(f, "user.missing")
except OSError as exc:
    print(type(exc).__name__, exc.filename == f)
print(type(os.listxattr()), os.XATTR_CREATE, os.XATTR_REPLACE, os.XATTR_SIZE_MAX)
os.close(fd)
os.fchdir(os.open(d, os.O_RDONLY))
print(os.getcwd() == os.path.realpath(d))
os.fchdir(here)
fifo = os.path.join(d, "fifo")
os.mknod(fifo, 0o600 | 0o010000)
import stat
print(stat.S_ISFIFO(os.stat(fifo).st_mode))
os.mknod("fifo2", mode=0o600 | stat.S_IFIFO, dir_fd=os.open(d, os.O_RDONLY))
print(stat.S_ISFIFO(os.lstat(os.path.join(d, "fifo2")).st_mode))
dev = os.makedev(8, 1)
print(os.major(dev), os.minor(dev), os.makedev(-1, 0) < 0)
for name in sorted(os.listdir(d)):
    os.unlink(os.path.join(d, name))
os.rmdir(d)

for p in ["", ".", "/", "//", "///", "//a/../b", "a/../..", "../a/./b//c/", "/..", "/../a", "a/b/..",
          "./", "a/./", "\udcff/x", "x\0y", "a/..", "../../a/b/../c", "/a/./b/../../c/"]:
    print(repr(p), repr(posixpath.normpath(p)), repr(posixpath.normpath(os.fsencode(p))))

# subprocess takes the posix_spawn path for close_fds=False without a cwd/preexec_fn.
import subprocess
print(subprocess._USE_POSIX_SPAWN)
r = subprocess.run(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"], close_fds=False,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run(["/bin/cat"], close_fds=False, input=b"piped", stdout=subprocess.PIPE)
print(r.returncode, r.stdout)
try:
    subprocess.run(["/nonexistent-dir/x"], close_fds=False)
except FileNotFoundError as e:
    print(type(e).__name__, e.filename)
