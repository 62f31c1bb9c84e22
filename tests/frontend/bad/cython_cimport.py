# expect error: 2:16: 'cimport' is Cython, not Python; use import, or remove the line
from libc.math cimport sqrt


def f(c, maxiter):
    return 0
