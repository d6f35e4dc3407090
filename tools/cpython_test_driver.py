"""Runs one of CPython's own test modules (`test.test_NAME` from the installed Lib/test)
with unittest and prints one JSON line of counts. Run by tools/run_cpython_tests.py under
both ferropy and python3, so it uses only what unittest itself needs.

    INTERPRETER tools/cpython_test_driver.py test.test_int
"""
import json
import sys
import unittest


class CountingResult(unittest.TestResult):
    """Counts outcomes and keeps the ids of tests that did not pass."""

    def __init__(self):
        super().__init__()
        self.passed = 0
        self.not_passed = []

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed += 1

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.not_passed.append(("failure", test.id()))

    def addError(self, test, err):
        super().addError(test, err)
        self.not_passed.append(("error", str(test)))

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            kind = "failure" if issubclass(err[0], test.failureException) else "error"
            self.not_passed.append((kind, subtest.id()))


def main():
    name = sys.argv[1]
    verbose = "-v" in sys.argv[2:]
    suite = unittest.defaultTestLoader.loadTestsFromName(name)
    result = CountingResult()
    suite.run(result)
    # The names always (short; run_cpython_tests.py shows them when a module falls below its
    # baseline), the tracebacks with -v.
    for kind, test_id in result.not_passed:
        print(f"{kind}: {test_id}", file=sys.stderr)
    if verbose:
        for test, trace in (result.failures + result.errors)[:40]:
            print("=" * 60, file=sys.stderr)
            print(test, file=sys.stderr)
            print(trace, file=sys.stderr)
    print(json.dumps({
        "module": name,
        "run": result.testsRun,
        "passed": result.passed,
        "failures": len(result.failures),
        "errors": len(result.errors),
        "skipped": len(result.skipped),
        "expected_failures": len(result.expectedFailures),
        "unexpected_successes": len(result.unexpectedSuccesses),
    }))


main()
