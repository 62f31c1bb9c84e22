# expect error: 2:7: 'list q' is a Cython typed parameter, not Python; write 'q' (or annotate it: q: list)
def f(list q, int maxiter, list z):
    return z
