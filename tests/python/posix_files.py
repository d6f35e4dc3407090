# posix file-system calls in a private temp dir: stat results, descriptors, renames,
# links, chmod/utime, access, listdir/scandir, dir_fd, and OSError details.
import posix
import _stat

base = "/tmp/ferropy_posix_files_%d" % posix.getpid()
posix.mkdir(base, 0o755)
try:
    f = base + "/a.txt"
    fd = posix.open(f, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print(posix.get_inheritable(fd), posix.get_blocking(fd))
    print(posix.write(fd, b"hello world\n"), posix.write(fd, bytearray(b"xyz")), posix.write(fd, memoryview(b"12")))
    posix.close(fd)
    st = posix.stat(f)
    print(st.st_size, _stat.S_ISREG(st.st_mode), _stat.S_IMODE(st.st_mode) == 0o644 & ~0o022 or _stat.S_IMODE(st.st_mode) == 0o644)
    print(len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields)
    print(st[6] == st.st_size, st[7] == int(st.st_atime), st.st_mtime_ns // 10**9 == st[8], type(st.st_ctime).__name__)
    print(st.st_nlink, st.st_uid == posix.getuid(), st.st_blksize > 0, st.st_blocks >= 0, type(st.st_rdev).__name__)
    print(st == posix.lstat(f), posix.fstat(0).st_mode != 0)

    fd = posix.open(f, posix.O_RDWR)
    print(posix.read(fd, 5), posix.lseek(fd, 0, 1), posix.lseek(fd, -3, 2))
    print(posix.read(fd, 100), posix.read(fd, 10))
    posix.ftruncate(fd, 4)
    print(posix.fstat(fd).st_size, posix.lseek(fd, 0, 0), posix.read(fd, 100))
    fd2 = posix.dup(fd)
    print(fd2 != fd, posix.get_inheritable(fd2), posix.isatty(fd2))
    fd3 = posix.dup2(fd, fd2 + 1)
    print(fd3 == fd2 + 1, posix.get_inheritable(fd3))
    posix.set_inheritable(fd3, False)
    print(posix.get_inheritable(fd3))
    posix.set_blocking(fd3, False)
    print(posix.get_blocking(fd3))
    for d in (fd, fd2, fd3):
        posix.close(d)
    try:
        posix.close(fd)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)

    r, w = posix.pipe()
    posix.write(w, b"through the pipe")
    print(posix.read(r, 7), posix.read(r, 100))
    posix.close(r)
    posix.close(w)

    posix.truncate(f, 2)
    print(posix.stat(f).st_size)
    posix.utime(f, (1000000000, 1500000000.25))
    st = posix.stat(f)
    print(st.st_atime, st.st_mtime, st.st_mtime_ns)
    posix.utime(f, (1.7, -1.3))
    print(posix.stat(f).st_atime_ns, posix.stat(f).st_mtime_ns)
    posix.utime(f, ns=(5, 123456789123456789))
    print(posix.stat(f).st_atime_ns, posix.stat(f).st_mtime_ns)
    posix.chmod(f, 0o600)
    print(oct(_stat.S_IMODE(posix.stat(f).st_mode)))
    print(posix.access(f, posix.R_OK), posix.access(f, posix.X_OK), posix.access(base + "/nope", posix.F_OK))

    posix.symlink("a.txt", base + "/link")
    print(posix.readlink(base + "/link"), posix.readlink((base + "/link").encode()))
    print(_stat.S_ISLNK(posix.lstat(base + "/link").st_mode), _stat.S_ISREG(posix.stat(base + "/link").st_mode))
    print(_stat.S_ISLNK(posix.stat(base + "/link", follow_symlinks=False).st_mode))
    posix.link(f, base + "/hard")
    print(posix.stat(f).st_nlink, posix.stat(base + "/hard").st_ino == posix.stat(f).st_ino)
    posix.rename(base + "/hard", base + "/hard2")
    posix.mkdir(base + "/sub")
    posix.mkfifo(base + "/fifo")
    print(_stat.S_ISFIFO(posix.stat(base + "/fifo").st_mode))
    print(sorted(posix.listdir(base)))
    print(sorted(posix.listdir(base.encode())))

    with posix.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.path == base + "/" + e.name, e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_file(follow_symlinks=False), e.inode() == posix.lstat(e.path).st_ino,
              e.stat(follow_symlinks=False).st_mode == posix.lstat(e.path).st_mode,
              posix.fspath(e) == e.path)
    it = posix.scandir(base.encode())
    print(sorted(e.name for e in it)[:2])
    it.close()
    print(list(it))
    print(type(posix.scandir()).__name__, posix.DirEntry.__name__)

    # dir_fd variants
    dfd = posix.open(base, posix.O_RDONLY | posix.O_DIRECTORY)
    print(posix.stat("a.txt", dir_fd=dfd).st_size, posix.access("a.txt", posix.F_OK, dir_fd=dfd))
    posix.mkdir("sub2", dir_fd=dfd)
    posix.rename("sub2", "sub3", src_dir_fd=dfd, dst_dir_fd=dfd)
    posix.rmdir("sub3", dir_fd=dfd)
    print(sorted(posix.listdir(dfd)))
    print(sorted(e.name for e in posix.scandir(dfd)), [e.path for e in posix.scandir(dfd)][:0])
    print(sorted((e.name, e.is_dir()) for e in posix.scandir(dfd))[:3])
    posix.unlink("fifo", dir_fd=dfd)
    posix.close(dfd)

    # errors
    for call in [lambda: posix.stat(base + "/missing"), lambda: posix.mkdir(base),
                 lambda: posix.rmdir(f), lambda: posix.rename(base + "/missing", base + "/x"),
                 lambda: posix.open(base + "/missing", posix.O_RDONLY), lambda: posix.listdir(f),
                 lambda: posix.readlink(f), lambda: posix.symlink("x", f),
                 lambda: posix.unlink(base + "/sub"), lambda: posix.chdir(base + "/missing"),
                 lambda: posix.stat("a\0b"), lambda: posix.stat(b"a\0b"), lambda: posix.stat(1.5),
                 lambda: posix.listdir(1.5), lambda: posix.mkdir(None), lambda: posix.read(-1, 1),
                 lambda: posix.read(0, -1), lambda: posix.write(-1, b"x"), lambda: posix.write(1, "str"),
                 lambda: posix.stat("x", dir_fd="y"), lambda: posix.stat(3, dir_fd=1),
                 lambda: posix.stat(3, follow_symlinks=False), lambda: posix.utime(f, (1,)),
                 lambda: posix.utime(f, (1, 2), ns=(1, 2)), lambda: posix.utime(f, ns=5),
                 lambda: posix.stat(), lambda: posix.stat(f, bogus=1), lambda: posix.fsync("x"),
                 lambda: posix.lstat(f, 1), lambda: posix.fspath(1), lambda: posix.open(f)]:
        try:
            call()
            print("no error")
        except Exception as e:
            print(type(e).__name__, str(e).replace(base, "BASE"))

    posix.chdir(base)
    print(posix.getcwd() == base, posix.getcwdb() == base.encode(), sorted(posix.listdir())[:2])
    posix.chdir("/")
    for name in ["a.txt", "link", "hard2"]:
        posix.remove(base + "/" + name)
    posix.rmdir(base + "/sub")
    print(posix.listdir(base))
finally:
    for name in ["a.txt", "link", "hard", "hard2", "fifo"]:
        try:
            posix.unlink(base + "/" + name)
        except OSError:
            pass
    for name in ["sub", "sub2", "sub3"]:
        try:
            posix.rmdir(base + "/" + name)
        except OSError:
            pass
    posix.rmdir(base)
print(posix.access(base, posix.F_OK))
