# Standard-library modules that stand on _io, marshal, zlib, _struct, _ast, _posixsubprocess:
# pickle, gzip, zipfile, decimal, base64, struct, dataclasses, inspect, importlib, subprocess.
import pickle, gzip, zipfile, decimal, base64, struct, dataclasses, inspect, unittest, logging
import importlib, pathlib, tempfile, subprocess, shutil

print(pickle.loads(pickle.dumps({'a': [1, 2.5, (3,)]})))
d = pathlib.Path(tempfile.mkdtemp())
try:
    p = d / 'f.gz'
    with gzip.open(p, 'wt') as f:
        f.write('hello gz\n' * 3)
    print(gzip.open(p, 'rt').read().splitlines())
    z = d / 'f.zip'
    with zipfile.ZipFile(z, 'w', zipfile.ZIP_DEFLATED) as zf:
        zf.writestr('a.txt', 'zipped ' * 10)
    with zipfile.ZipFile(z) as zf:
        print(zf.namelist(), zf.read('a.txt')[:13])
    (d / 't.txt').write_text('line 1\nline 2\n', encoding='utf-8')
    print([l for l in open(d / 't.txt')], (d / 't.txt').stat().st_size)
finally:
    shutil.rmtree(d)
print(decimal.Decimal('1.1') + decimal.Decimal('2.2'), base64.b64encode(b'xy'), struct.pack('<i', 5))

@dataclasses.dataclass
class P:
    x: int
    y: int = 2

print(P(1), inspect.signature(P), importlib.import_module('json').dumps([1]))
print(subprocess.run(['echo', 'sub'], capture_output=True, text=True).stdout.strip())
logging.basicConfig(format='%(levelname)s:%(message)s', stream=__import__('sys').stdout)
logging.warning('logged %d', 3)
