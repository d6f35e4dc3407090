try:
    pass
except* ValueError as e:
    pass
except* (TypeError, KeyError):
    raise
else:
    pass
finally:
    pass
