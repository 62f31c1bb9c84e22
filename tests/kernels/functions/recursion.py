# recursive helpers: fib and a gcd, depth bounded by the point.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def f(c, maxiter):
    k = int(abs(c.real) * 5)
    return fib(k) + gcd(int(abs(c.imag) * 1000) + 1, 360)
