# helper functions taking and returning int, float, complex and bool.
def square(z):
    return z * z


def half(x):
    return x / 2.0


def odd(n):
    return n % 2 == 1


def escape(c, limit):
    z = 0j
    for n in range(limit):
        z = square(z) + c
        if abs(z) > 2.0:
            return n
    return limit


def f(c, maxiter):
    n = escape(c, maxiter)
    if odd(n):
        n += 1000
    return n + int(half(c.real) * 100)
