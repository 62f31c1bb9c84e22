# negative indices count from the end, for reads and writes.
def f(c, maxiter):
    a = [3, 1, 4, 1, 5, 9, 2, 6]
    k = int(abs(c.real) * 3)
    n = a[-1] * 100 + a[-8] * 10 + a[k - 8] + a[-k - 1]
    a[-2] = k
    a[k - 4] += 7
    return n * 1000 + a[6] * 10 + a[k - 4]
