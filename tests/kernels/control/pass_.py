# pass does nothing, in every kind of block; docstrings are skipped.
def f(c, maxiter):
    """A kernel whose blocks are mostly pass."""
    n = 0
    if c.real > 0.0:
        pass
    else:
        n += 1
    for i in range(3):
        pass
    while n > 5:
        pass
    return n + i
