# every augmented assignment operator, on ints and floats.
def f(c, maxiter):
    a = int(c.real * 100)
    n = 17
    n += a
    n -= 3
    n *= 2
    n //= 3
    n %= 101
    n **= 2
    n <<= 2
    n >>= 1
    n |= 5
    n &= 0xFFFF
    n ^= 0x5A
    x = c.imag
    x += 1.5
    x -= 0.25
    x *= 3.0
    x /= 7.0
    x //= 0.125
    x %= 2.0
    x **= 2
    return n + int(x * 1000)
