# args: 60 30
# int / int past 2**53: CPython divides the two ints exactly and rounds
# once (long_true_divide), which is not float(a) / float(b); both signs,
# ties of the rounding, the boundary 2**53 + 1, the largest ints, and a
# module constant made by int / int.
BIG = 3 * 10 ** 17 + 1
THIRD = BIG / 3


def sig(x):
    # every bit of a float: its 53-bit significand, exponent and sign
    if x == 0.0:
        return 0
    m = abs(x)
    e = 0
    while m >= 9007199254740992.0:
        m = m / 2.0
        e += 1
    while m < 4503599627370496.0:
        m = m * 2.0
        e -= 1
    s = 13 if x < 0 else 0
    return int(m) % 1000003 + e * 7 + s


def f(c, maxiter):
    n = int(c.real * 10) + 22
    k = int(c.imag * 10)
    big = (n + 1) * 10 ** 17 + 12345678901
    t = 2 ** 53 + 1
    r = sig(big / 7) + sig(-big / 3) + sig(big / -(k * k + 2))
    r += sig(t / 1) + sig((t + 2) / 1) + sig(-t / 1) + sig(t / 3)
    r += sig((2 ** 54 + 2 + 4 * k) / 2) + sig((2 ** 55 + 4 + 8 * k) / -4)
    r += sig(12345678901 / big) + sig((k + 1) / (big + k))
    r += sig(big / (big - 3 * k - 1)) + sig(-big / (big + 1))
    r += sig((9223372036854775807 - n) / (3 + n))
    r += sig((-9223372036854775807 - 1 + n) / (7 + n * n))
    r += sig(0 / (big + k)) + sig(0 / -(big + k)) + sig(THIRD)
    if k != 0:
        r += sig(BIG / k)
    r += int((big / 7) % 1000.0 * 16.0)
    return r % 1000000007
