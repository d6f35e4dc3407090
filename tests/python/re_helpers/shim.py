# Stand-in for `re` while enum/functools/copyreg do not import (defines what re/__init__ does).
import sys
try:
    import re
except Exception:
    for k in [k for k in sys.modules if k == 're' or k.startswith('re.')]:
        del sys.modules[k]
    pkg = type(sys)('re')
    pkg.__path__ = [p + '/re' for p in sys.path if isinstance(p, str)]
    sys.modules['re'] = pkg
    import re._compiler, re._parser, re._constants
    from re._constants import SRE_FLAG_IGNORECASE as I, SRE_FLAG_MULTILINE as M, SRE_FLAG_DOTALL as S, SRE_FLAG_VERBOSE as X, SRE_FLAG_ASCII as A, SRE_FLAG_LOCALE as L, SRE_FLAG_UNICODE as U
    g = pkg.__dict__
    g.update(I=I, IGNORECASE=I, M=M, MULTILINE=M, S=S, DOTALL=S, X=X, VERBOSE=X, A=A, ASCII=A, L=L, LOCALE=L, U=U, UNICODE=U, NOFLAG=0, error=re._compiler.error)
    _cache = {}
    def _compile(pattern, flags):
        if isinstance(pattern, re.Pattern):
            return pattern
        key = (type(pattern), pattern, flags)
        if key not in _cache:
            _cache[key] = re._compiler.compile(pattern, flags)
        return _cache[key]
    def compile(pattern, flags=0): return _compile(pattern, flags)
    def match(p, s, flags=0): return _compile(p, flags).match(s)
    def fullmatch(p, s, flags=0): return _compile(p, flags).fullmatch(s)
    def search(p, s, flags=0): return _compile(p, flags).search(s)
    def sub(p, r, s, count=0, flags=0): return _compile(p, flags).sub(r, s, count)
    def subn(p, r, s, count=0, flags=0): return _compile(p, flags).subn(r, s, count)
    def split(p, s, maxsplit=0, flags=0): return _compile(p, flags).split(s, maxsplit)
    def findall(p, s, flags=0): return _compile(p, flags).findall(s)
    def finditer(p, s, flags=0): return _compile(p, flags).finditer(s)
    def _compile_repl(repl, pattern): return re._parser.parse_template(repl, pattern)
    def _expand(pattern, match, template):
        return re._parser.expand_template(re._parser.parse_template(template, pattern), match)
    def _subx(pattern, template):
        template = _compile_repl(template, pattern)
        if not template[0] and len(template[1]) == 1:
            return template[1][0]
        def filter(match, template=template):
            return re._parser.expand_template(template, match)
        return filter
    _special_chars = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}
    def escape(pattern):
        if isinstance(pattern, str):
            return pattern.translate(_special_chars)
        return str(pattern, 'latin1').translate(_special_chars).encode('latin1')
    import _sre
    Pattern = type(_sre.compile('', 0, [1], 0, {}, (None,)))
    Match = type(Pattern.match(_sre.compile('', 0, [1], 0, {}, (None,)), ''))
    for _n, _v in list(locals().items()):
        if _n in ('compile', 'match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer', '_compile', '_compile_repl', '_expand', '_subx', 'escape', 'Pattern', 'Match', '_special_chars'):
            g[_n] = _v
    re = pkg
