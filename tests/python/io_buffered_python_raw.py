# Buffered streams over a raw stream written in Python: reads and writes go through
# memoryviews passed to readinto()/write(), and bad counts raise CPython's OSError.
import io
class R(io.RawIOBase):
    def __init__(s, data, bad=False): s.d=data; s.bad=bad
    def readable(s): return True
    def writable(s): return True
    def readinto(s, b):
        if s.bad: return len(b)+5
        n=min(len(b),3,len(s.d)); b[:n]=s.d[:n]; s.d=s.d[n:]; return n
    def write(s, b):
        if s.bad: return -1
        print("raw write", bytes(b)); return len(b)
r=io.BufferedReader(R(b"hello world"))
print(r.read(5), r.read(100))
w=io.BufferedWriter(R(b""))
w.write(b"abc"); w.flush()
try: io.BufferedReader(R(b"x", True)).read(2)
except OSError as e: print(type(e).__name__, e)
b = io.BufferedWriter(R(b"",True)); b.write(b"q")
try: b.flush()
except OSError as e: print(type(e).__name__, e)
