# for over a list, of ints, floats and complex numbers.
def f(c, maxiter):
    a = [2, 3, 5, 7]
    s = 0
    for v in a:
        s += v * v
    t = 0.0
    for x in [c.real, c.imag]:
        t += x * 3.0
    z = 0j
    for w in [c, c * c, 1j]:
        z = z + w
    return s + int(t * 100) + int(z.real * 10)
