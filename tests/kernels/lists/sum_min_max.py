# sum, min and max of lists and of several arguments.
def f(c, maxiter):
    a = [int(c.real * 10), int(c.imag * 10), 3, -2]
    b = [c.real, c.imag, 0.25]
    s = sum(a) * 1000 + min(a) * 100 + max(a) * 10
    t = sum(b) + min(b) - max(b)
    u = min(3, int(c.real * 5), 1) + max(-1, int(c.imag * 5))
    v = max(c.real, c.imag) - min(c.real, 0.5)
    return s + int(t * 1000) + u + int(v * 100)
