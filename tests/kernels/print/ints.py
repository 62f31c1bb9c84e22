# print() of ints, several values and strings, at a few points only.
def f(c, maxiter):
    k = int(c.real * 100)
    if c.real < -2.0 or (k == 0 and c.imag > 1.0):
        print(k, -k * 1000000007, 0)
        print("k is", k, "and", k * 3)
    return k
