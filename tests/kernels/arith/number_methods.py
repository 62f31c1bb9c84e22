# int.bit_length() (of negative ints, 0, bools and ints near 2**63) and
# float.is_integer() (of whole and fractional floats, -0.0, huge floats,
# inf and nan), beside complex.conjugate() and .real/.imag of every type.
import math


def f(c, maxiter):
    z = 0j
    n = 0
    while n < maxiter and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    k = n * 37 - 500
    big = 9223372036854775807 - n
    total = k.bit_length() + (-k).bit_length() * 3 + (n > 5).bit_length()
    total += big.bit_length() + (-big - 1).bit_length() + (0).bit_length()
    total += (k * k * k).bit_length() * 7
    x = abs(z) * 4
    for v in [x, float(n), -0.0, 1e300, x * 1e300 * 1e300, math.nan,
              float(k) / 4, 2.5, -3.0]:
        total = total * 2 + v.is_integer()
    w = z.conjugate()
    total += int(w.imag * 1000) + n.real + n.imag + int(x.real * 10)
    return total + int(c.conjugate().imag * 100) + True.real
