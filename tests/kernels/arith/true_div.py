# / on two ints is true division and gives a float.
def f(c, maxiter):
    a = int(c.real * 100)
    b = int(c.imag * 100)
    if b == 0:
        b = -1
    x = a / b
    y = 7 / 2 + a / 3 - maxiter / 7
    return int(x * 1000) + int(y * 100000)
