# expect error: 3:5: 'yield' is not supported
def g():
    yield 1
