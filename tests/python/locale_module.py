# _locale: setlocale queries and changes (C locale), localeconv in the C locale,
# nl_langinfo items, getencoding, strcoll/strxfrm ordering, locale.Error and ValueErrors.
import _locale

print(_locale.setlocale(_locale.LC_NUMERIC), _locale.setlocale(_locale.LC_TIME, "C"))
print(_locale.setlocale(_locale.LC_NUMERIC, None), _locale.setlocale(_locale.LC_COLLATE, "C"))
conv = _locale.localeconv()
print(sorted(conv), conv["decimal_point"], conv["grouping"], conv["frac_digits"] == _locale.CHAR_MAX)
for key in ["CODESET", "D_T_FMT", "D_FMT", "T_FMT", "DAY_1", "ABDAY_7", "MON_12", "ABMON_1",
            "RADIXCHAR", "YESEXPR", "NOEXPR", "AM_STR", "PM_STR", "_DATE_FMT"]:
    print(key, repr(_locale.nl_langinfo(getattr(_locale, key))))
print(type(_locale.getencoding()).__name__, _locale.getencoding() != "")
print(_locale.strcoll("a", "b") < 0, _locale.strcoll("b", "a") > 0, _locale.strcoll("x", "x"))
print(_locale.strxfrm("abc") < _locale.strxfrm("abd"), type(_locale.strxfrm("z")).__name__)
print(_locale.LC_ALL, _locale.LC_CTYPE, _locale.CHAR_MAX, _locale.Error.__name__, _locale.Error.__module__)
for call in [lambda: _locale.setlocale(_locale.LC_ALL, "no_SUCH.locale"), lambda: _locale.setlocale(9999),
             lambda: _locale.setlocale(_locale.LC_ALL, 5), lambda: _locale.nl_langinfo(999999),
             lambda: _locale.strcoll("a", 1), lambda: _locale.strxfrm(1)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
