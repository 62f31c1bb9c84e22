# literals at the ends of the double range, overflow to inf, underflow.
def f(c, maxiter):
    top = 1.7976931348623157e308
    tiny = 5e-324
    n = 0
    if top * 2.0 > top:
        n += 1
    if tiny / 2.0 == 0.0:
        n += 2
    if tiny > 0.0:
        n += 4
    if 1e-320 * 1e10 > 1e-311:
        n += 8
    x = 1e300 * abs(c.real) * 1e10
    if x > 1e308:
        n += 16
    y = 2.5e-308 * c.imag
    if y != 0.0 and abs(y) < 2.3e-308:
        n += 32
    return n + int(1e15 * tiny * 1e308)
