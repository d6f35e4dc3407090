# _imp._override_frozen_modules_for_tests (used by test.support.import_helper): C int checks.
import _imp
for a in [1, -1, 0, 2**40, 'x', 1.5]:
    try:
        print(repr(a), _imp._override_frozen_modules_for_tests(a))
    except Exception as e:
        print(repr(a), type(e).__name__, e)
