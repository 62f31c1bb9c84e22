# mandelc: --kernel=f
# Python the kernel language lacks (yield, async def and await, match, :=,
# a class) in functions the kernel never calls does not refuse the file:
# only what the kernel reaches must be inside the subset.
import math


def gen(n):
    for i in range(n):
        yield i * i


async def fetch(url):
    return await url


def classify(x):
    match x:
        case 0:
            return "zero"
        case _:
            return "other"


def longest(xs):
    if (n := len(xs)) > 3:
        return n
    return 0


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return math.hypot(self.x, self.y)


def f(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return n
    return maxiter
