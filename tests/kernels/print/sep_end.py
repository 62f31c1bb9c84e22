# print() with several arguments of mixed types on one line.
def f(c, maxiter):
    k = int(c.imag * 100)
    if k == -52 and c.real > 0.6:
        print("x", 1, 2.5, "y", c.real > 0.0, k)
        print()
        print("")
        print("tail")
    return k
