# math.log2 and math.log10, bit exact: on inputs where glibc's FMA and
# plain builds round differently (so the GPU's copy of glibc must be the
# host's build), near 1 (log2's own polynomial), subnormals, and powers of
# ten and two (log10(10**n) == n).
# args: 24 12
import math


def bits(x):
    x = abs(x)
    if x == 0.0:
        return 0
    while x >= 2.0:
        x = x * 0.5
    while x < 1.0:
        x = x * 2.0
    return int(x * 4503599627370496.0) % 1000003


def f(c, maxiter):
    l2 = [0.97683776967142655, 0.9606429600866041, 0.30480043291095915,
          0.95867486124329049, 31351318682510.715, 0.92367074991205589]
    l10 = [0.10776649304316044, 1.2216810543425676, 0.90205434194397216,
           141370.73083738235, 0.30173907718051179, 55016.008857898451]
    x = c.real
    y = c.imag
    h = 0
    p = 1.0
    for k in range(maxiter):
        j = k % 6
        t = abs(x * 7.1 + y * 0.3 * k) + 1e-300
        a = math.log2(l2[j]) + math.log10(l10[j])
        b = math.log2(t) + math.log10(t)
        d = math.log2(1.0 + x * 0.004 * k) + math.log10(p) + math.log2(p)
        e = math.log10(t * 1e-310 + 5e-324) + math.log2(t * 1e-320 + 5e-324)
        h = (h * 7 + bits(a) + bits(b) + bits(d) + bits(e)) % 1000000007
        p = p * 10.0
    return h
