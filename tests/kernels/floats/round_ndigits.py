# round(x, n) for every constant n from 0 to 22 (the range the GPU target
# computes with exact integer arithmetic instead of printf and strtod):
# values with many digits, small and negative ones, and halfway cases
# such as 2.675 (stored a little below, so 2.67) and 0.125 (exact: even).
def bits(x):
    return int(x * 2**52) % 1000003


def f(c, maxiter):
    x = c.real * 123.456789 + c.imag * 0.001
    y = -c.imag / 3.0
    t = c.real * 1e-9 + c.imag * 1e-12
    s = bits(round(x, 0)) + bits(round(x, 1)) + bits(round(x, 2))
    s += bits(round(x, 3)) + bits(round(x, 4)) + bits(round(x, 5))
    s += bits(round(x, 6)) + bits(round(x, 7)) + bits(round(x, 8))
    s += bits(round(x, 9)) + bits(round(x, 10)) + bits(round(x, 11))
    s += bits(round(x, 12)) + bits(round(x, 13)) + bits(round(x, 14))
    s += bits(round(x, 15)) + bits(round(x, 16)) + bits(round(x, 17))
    s += bits(round(x, 18)) + bits(round(x, 19)) + bits(round(x, 20))
    s += bits(round(x, 21)) + bits(round(x, 22))
    s += bits(round(y, 1)) + bits(round(y, 2)) + bits(round(y, 13))
    s += bits(round(t * 1e6, 9)) + bits(round(t, 12)) + bits(round(t, 22))
    s += bits(round(2.675, 2)) + bits(round(0.125, 2)) + bits(round(0.375, 2))
    s += bits(round(-0.5, 0)) + bits(round(1.5, 0)) + bits(round(2.5, 0))
    s += bits(round(x * 1e-3 + 0.0005, 3)) + bits(round(5e-324, 22))
    return s % 1000003
