# expect: OverflowError 6
# int ** int outside 64 bits.
def f(c, maxiter):
    n = int(abs(c.imag) * 50)
    if c.real > 0.0:
        return 3 ** n % 7
    return n
