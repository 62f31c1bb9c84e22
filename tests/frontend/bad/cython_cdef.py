# expect error: 3:5: 'cdef' is Cython, not Python; remove the declaration (mandelc infers types; annotate as in x: int = 0 where needed)
def f(c, maxiter):
    cdef int n
    return 0
