# module-level code the kernel does not use need not be in the subset:
# a dict, a class and a lambda are never compiled.
import sys

TABLE = {"a": 1}
HALF = 0.5


class Unused(object):
    def method(self):
        return [k for k in TABLE]


square = lambda v: v * v


def f(c, maxiter):
    return int(c.real * HALF * 100)
