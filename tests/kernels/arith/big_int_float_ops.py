# args: 60 30
# Every other place where an int past 2**53 meets a float: float() of it
# (ties to even), + - * with floats, % // and divmod mixed, round,
# math.floor/ceil/trunc, complex(); the int is converted as
# PyLong_AsDouble rounds it, once (** is big_int_pow.py).
import math


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
    big = (n + 1) * 10 ** 17 + 12345678901 + k
    t = 2 ** 53 + 1 + 2 * k
    r = sig(float(big)) + sig(float(-big)) + sig(float(t)) + sig(float(t + 2))
    r += sig(float(-t)) + sig(big + 0.5) + sig(big * 1.5) + sig(0.25 - big)
    r += sig(big % 1000.0) + sig(-big % 1000.0) + sig(big % -7.5)
    r += sig(big // 7.0) + sig(-big // 7.0) + sig(1e20 // big)
    r += sig(2.5e18 % (big + 1)) + sig(t % 3.0) + sig(t // -3.0)
    q, m = divmod(big, 1000.0)
    r += sig(q) + sig(m)
    q, m = divmod(-big, 7.5)
    r += sig(q) + sig(m)
    q, m = divmod(1e19, t)
    r += sig(q) + sig(m)
    r += round(big / 3.0) % 1000003 + round(float(t)) % 1000003
    r += round(-big / 7.0) % 1000003 + round(big) % 1000003
    r += math.floor(big / 7.0) % 1000003 + math.ceil(-big / 7.0) % 1000003
    r += math.trunc(big / -3.0) % 1000003 + math.floor(t) % 1000003
    r += int(float(t)) % 1000003 + int(-big * 1.0) % 1000003
    z = complex(big, k) * c + big
    r += sig(z.real) + sig(z.imag) + sig((big * 1j).imag)
    r += sig(abs(complex(t, t)))
    return r % 1000000007
