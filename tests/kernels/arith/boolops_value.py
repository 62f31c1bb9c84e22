# `x or y` and `x and y` yield one of their operands, not a bool.
def f(c, maxiter):
    a = int(c.real * 3)
    b = int(c.imag * 3)
    v = a or b
    w = a and b
    x = c.real and c.imag
    y = (a and 7) or 9
    return v * 100 + w * 10 + y + int(x * 1000)
