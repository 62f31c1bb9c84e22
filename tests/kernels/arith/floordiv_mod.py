# int // and % round toward minus infinity and take the divisor's sign.
def f(c, maxiter):
    a = int(c.real * 100)
    b = int(c.imag * 10)
    if b == 0:
        b = 7
    q = a // b
    r = a % b
    q2 = (-a) // 7 + a // -3
    r2 = (-a) % 7 + a % -3
    check = q * b + r - a
    return q * 1000 + r * 100 + q2 * 10 + r2 + check * 1000000
