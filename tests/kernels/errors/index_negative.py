# IndexError for a negative index beyond -len.
def f(c, maxiter):
    a = [5, 6, 7]
    k = int(c.imag * 3)
    return a[k]
