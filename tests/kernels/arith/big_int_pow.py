# int ** negative int is float_pow of the two ints converted to float
# (PyLong_AsDouble: round to nearest, ties to even), past 2**53 and at
# its boundary, both signs; float ** big int converts the int the same.
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
    r = sig(big ** -1) + sig(t ** -2) + sig((-t) ** -1) + sig((-big) ** -3)
    r += sig(pow(t + 2, -1)) + sig(1.0000001 ** t) + sig(0.5 ** (t % 1000))
    r += sig((c.real + 3.0) ** -(big // 10 ** 17))
    return r % 1000000007
