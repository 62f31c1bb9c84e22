# comparison chains evaluate each operand once and stop at the first false.
def f(c, maxiter):
    a = int(c.real * 10)
    b = int(c.imag * 10)
    n = 0
    if -5 < a < b <= 8:
        n += 1
    if a == b != 0:
        n += 2
    if a < b > 3 > -1:
        n += 4
    if c.real < c.imag < 1.0 <= maxiter:
        n += 8
    if a <= a >= a == a:
        n += 16
    if not (0 < a < 5):
        n += 32
    if 1 < 2 < a:
        n += 64
    if c.real != c.imag and a != 3:
        n += 128
    return n
