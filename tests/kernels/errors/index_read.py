# IndexError reading past the end of a list.
def f(c, maxiter):
    a = [1, 2, 3, 4]
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            break
    return a[n // 7]
