# args: 60 30
# An int and a float compare exactly, as CPython's float_richcompare does,
# not after rounding the int: < <= == != > >= in both orders and in
# chains, past 2**53 with both signs, at 2**53 + 1, against 2.0 ** 63,
# inf and nan; int == complex compares the real part exactly too; min and
# max of an int and a float give the float() of CPython's choice.
import math


def f(c, maxiter):
    n = int(c.real * 10) + 22
    k = int(c.imag * 10)
    big = (n + 1) * 10 ** 17 + 12345678901 + k
    fb = float(big)
    t = 2 ** 53 + 1 + 2 * k
    ft = float(t)
    top = 9223372036854775807 - n
    bottom = -9223372036854775807 - 1 + n
    nan = math.nan
    ints = [big, -big, t, -t, t - 1, top, bottom, n, 2 ** 53 + k * k]
    floats = [fb, -fb, ft, -ft, ft + 2.0, fb - 16.0, 9223372036854775807.0,
              -9223372036854775807.0, math.inf, -math.inf, nan, c.real * 1e17,
              float(n), 9007199254740993.0 + k]
    acc = 0
    for i in ints:
        for x in floats:
            b = 0
            if i == x:
                b += 1
            if i != x:
                b += 2
            if i < x:
                b += 4
            if i <= x:
                b += 8
            if i > x:
                b += 16
            if i >= x:
                b += 32
            if x < i:
                b += 64
            if x <= i:
                b += 128
            if x > i:
                b += 256
            if x >= i:
                b += 512
            if x == i:
                b += 1024
            if x != i:
                b += 2048
            acc = (acc * 31 + b) % 1000000007
    if big - 1 < fb <= big + 1:
        acc += 1
    if fb < big < fb + 1000.0:
        acc += 2
    if t > ft == t - 1:
        acc += 4
    if -t < -ft < -t + 2 < 0.5:
        acc += 8
    if big == complex(fb, 0.0):
        acc += 16
    if complex(ft, 0.0) != t:
        acc += 32
    if t - 1 == ft + 0j:
        acc += 64
    if big == fb * 1j:
        acc += 128
    if abs(complex(9007199254740992.0, 0.0 * k)) >= 9007199254740993:
        acc += 256
    if abs(complex(9007199254740992.0, 0.0 * k)) > 9007199254740991:
        acc += 512
    m = max(big, fb) - min(big, fb) + max(ft, t) + min(-t, -ft, k)
    acc += int(m % 1000003.0)
    return acc
