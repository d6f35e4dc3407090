# logging at exit: its atexit handler flushes the handlers, and a __del__ that logs during
# the module teardown still finds logging working (as in CPython), with no NameError.
import logging
import sys
import atexit

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(name)s %(levelname)s %(message)s")
log = logging.getLogger("app")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("extra: %(message)s"))
log.addHandler(handler)
log.info("hello")


class LogsOnDelete:
    def __del__(self):
        logging.getLogger("del").warning("from __del__, finalizing=%s", sys.is_finalizing())


keep = LogsOnDelete()
atexit.register(lambda: print("atexit: finalizing", sys.is_finalizing(), flush=True))
atexit.register(lambda: log.info("from atexit"))
