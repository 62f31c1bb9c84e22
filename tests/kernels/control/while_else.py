# while ... else: the else runs only when the loop ends without break.
def f(c, maxiter):
    z = 0j
    n = 0
    while n < maxiter:
        z = z * z + c
        if abs(z) > 2.0:
            break
        n += 1
    else:
        n = 1000
    k = 0
    while k < 3:
        k += 1
    else:
        k += 10
    return n + k
