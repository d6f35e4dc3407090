from . import value as parent_value
from .. import plain_mod

loaded_by = __name__
total = parent_value + plain_mod.NUMBER
