# RecursionError: unbounded recursion at some points.
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def f(c, maxiter):
    k = int(c.real * 10)
    return down(k)
