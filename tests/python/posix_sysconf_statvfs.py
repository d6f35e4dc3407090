# posix configuration values (sysconf/confstr/pathconf), statvfs, and the names os.py
# derives from _have_functions. Values are compared as types and round trips.
import os
import platform

print(sorted(os.sysconf_names) == sorted(set(os.sysconf_names)), len(os.sysconf_names) > 100)
print(sorted(os.confstr_names)[:5], sorted(os.pathconf_names)[:5])
print(all(type(v) is int for d in (os.sysconf_names, os.confstr_names, os.pathconf_names) for v in d.values()))
page = os.sysconf("SC_PAGESIZE")
print(type(page), page > 0, page == os.sysconf(os.sysconf_names["SC_PAGE_SIZE"]))
print(os.sysconf("SC_CLK_TCK") > 0, os.sysconf("SC_NPROCESSORS_ONLN") >= 1)
version = os.confstr("CS_GNU_LIBC_VERSION")
print(type(version), version.split()[0])
print(platform.libc_ver()[0])
print(type(os.confstr("CS_PATH")))
print(os.pathconf("/", "PC_NAME_MAX") == os.statvfs("/").f_namemax)
fd = os.open("/", os.O_RDONLY)
print(os.fpathconf(fd, "PC_NAME_MAX") == os.pathconf(fd, "PC_NAME_MAX") == os.pathconf("/", os.pathconf_names["PC_NAME_MAX"]))


class HasFileno:
    def fileno(self):
        return fd


print(os.fpathconf(HasFileno(), "PC_PATH_MAX") == os.pathconf("/", "PC_PATH_MAX"))
for call in (lambda: os.sysconf("NOPE"), lambda: os.sysconf(1.5), lambda: os.confstr(12345),
             lambda: os.sysconf(-12345), lambda: os.pathconf("/nonexistent-dir/x", "PC_NAME_MAX"),
             lambda: os.fpathconf(-1, 1), lambda: os.pathconf("/", 99999), lambda: os.confstr(None),
             lambda: os.statvfs("/nonexistent-dir/x"), lambda: os.fstatvfs(-1), lambda: os.statvfs(1.5)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

st = os.statvfs("/")
print(type(st).__name__, type(st).__module__, len(st), st.n_sequence_fields, st.n_fields)
print([name for name in dir(st) if name.startswith("f_")])
print(all(type(v) is int for v in st), type(st.f_fsid))
fst = os.fstatvfs(fd)
print(fst.f_bsize == st.f_bsize, fst.f_namemax == st.f_namemax, fst.f_fsid == st.f_fsid, os.statvfs(fd).f_fsid == st.f_fsid)
print(os.statvfs(path=b"/").f_frsize == st.f_frsize, st.f_flag & os.ST_RDONLY in (0, os.ST_RDONLY))
os.close(fd)

for name in ("ST_RDONLY", "ST_NOSUID", "ST_NODEV", "ST_NOEXEC", "ST_SYNCHRONOUS", "ST_MANDLOCK",
             "ST_WRITE", "ST_APPEND", "ST_NOATIME", "ST_NODIRATIME", "ST_RELATIME"):
    print(name, getattr(os, name))
print(sorted(f.__name__ for f in os.supports_fd))
print(sorted(f.__name__ for f in os.supports_dir_fd))
print(sorted(f.__name__ for f in os.supports_follow_symlinks))
print(sorted(f.__name__ for f in os.supports_effective_ids))
print(os.sysconf.__text_signature__, os.pathconf.__text_signature__, os.statvfs.__text_signature__)
