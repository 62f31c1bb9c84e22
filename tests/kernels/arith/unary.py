# unary - + not ~ on int, float and bool operands.
def f(c, maxiter):
    a = int(c.real * 100)
    x = -c.imag
    t = not (a > 0)
    u = not t
    r = -a + (+a) * 2 + ~a - (-(-a))
    if t:
        r = r + 1000
    if u and not not t:
        r = r + 5000
    return r + int(-x * 1000) + int(+x * 10)
