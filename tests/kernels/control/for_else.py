# for ... else over range and over a list.
def f(c, maxiter):
    z = 0j
    for it in range(maxiter):
        z = z * z + c
        if z.real * z.real + z.imag * z.imag > 4.0:
            break
    else:
        it = -1
    m = 0
    for v in [1, 2, 3]:
        m += v
    else:
        m += 100
    return it + m
