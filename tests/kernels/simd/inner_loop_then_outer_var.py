# An inner loop with its own break inside the escape loop, then the
# outer loop's variable read after it (the vector form once lost it).
def f(c, maxiter):
    z = 0j
    w = 0j
    x = c.real
    y = c.imag
    k = 0
    s = 0.0
    it = 0
    for it in range(maxiter // 2):
        for j in range(3):
            s = s + j * 0.5
            if s > 3.0:
                break
        z = z * z * z + c
        x = x * x
        s = s + x * x + y * y
        k = k + it % 3
    return k * 7 + it + (1 if s > 1.0 else 0)
