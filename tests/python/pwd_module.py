# pwd: lookups of root by uid and name, getpwall consistency, struct_passwd, KeyErrors
# and argument errors as CPython.
import pwd

root = pwd.getpwuid(0)
print(root, type(root).__name__, len(root), root[0] == root.pw_name, root.pw_uid, root.pw_gid)
print(pwd.getpwnam(root.pw_name) == root, pwd.getpwuid(False) == root)
every = pwd.getpwall()
print(type(every).__name__, root in every, all(type(e) is pwd.struct_passwd for e in every))
print(pwd.struct_passwd.n_fields, pwd.struct_passwd.__match_args__)
for bad in [99999, -1, 2 ** 40, -5, "x", 1.5, None]:
    try:
        pwd.getpwuid(bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in ["no-such-user-here", 1, "a\0b", b"root"]:
    try:
        pwd.getpwnam(bad)
    except Exception as e:
        print(type(e).__name__, e)
