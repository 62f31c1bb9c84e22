# float // and % round toward minus infinity, sign of the divisor.
def f(c, maxiter):
    x = c.real * 3.7
    y = c.imag * 2.3
    if abs(y) < 0.1:
        y = 0.5
    q = x // y
    r = x % y
    a = -7.5 // 2.0 + 7.5 // -2.0 + (-7.5) % 2.0 + 7.5 % -2.0
    b = x % 1.0 + (-x) % 1.0
    m = int(c.real * 10) % 3.5
    return int(q) * 1000 + int(r * 1000) + int(a * 10) + int(b * 100) + int(m)
