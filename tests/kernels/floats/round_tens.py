# round(x, -p) for p up to 22 (the GPU target's exact integer algorithm):
# small values, integers past 2^53 (long division in 128 bits), values
# past 2^127 (unchanged) and ties to even such as 25.0 and -45.0.
def bits(x):
    return int(x * 2**12) % 1000003


def f(c, maxiter):
    x = c.real * 123456.789 + c.imag * 0.001
    big = c.real * 1e20 + c.imag * 3e18
    huge = c.real * 1e30 - c.imag * 7e37
    s = bits(round(x, -1)) + bits(round(x, -2)) + bits(round(x, -3))
    s += bits(round(x, -4)) + bits(round(x, -5)) + bits(round(x, -6))
    s += int(round(big, -1) % 1000003.0) + int(round(big, -5) % 1000003.0)
    s += int(round(big, -17) % 1000003.0) + int(round(big, -19) % 1000003.0)
    s += int(round(big, -22) % 1000003.0) + int(round(huge, -20) % 1000003.0)
    s += int(round(huge, -22) % 1000003.0) + int(round(huge, -9) % 1000003.0)
    s += bits(round(25.0, -1)) + bits(round(35.0, -1)) + bits(round(-45.0, -1))
    s += int(round(2.5e15 * 4, -16) % 1000003.0) + bits(round(x * 1e-9, -1))
    s += int(round(9007199254740993.0 * 3, -1) % 1000003.0)
    s += int(round(c.imag * 1e40, -22) % 1000003.0)
    return s % 1000003
