# math.sin and math.cos, bit exact: on inputs where glibc's FMA and plain
# builds round differently (so the GPU's copy of glibc must be the host's
# build), and in each of glibc's ranges: tiny, Taylor's series, the table,
# near pi/2, reduced by multiples of pi/2, and huge (__branred).
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
    ss = [0.085336529864281918, -0.080176935109831982, -13.137946574321305,
          1.1105987428629263, -28.597511984368577, -28.519754994517722]
    cs = [0.72221974025092717, -0.69119062117596042, -17.476283923562807,
          4.522195486277262, -7.5992640051530493, -1.7254157616866266]
    x = c.real
    y = c.imag
    h = 0
    scale = 1e-9
    for k in range(maxiter):
        j = k % 6
        t = x * 3.7 + y * 0.61 * k
        a = math.sin(ss[j]) + math.cos(cs[j])
        b = math.sin(t) * math.cos(t * scale)
        d = math.sin(t * 1e12) + math.cos(y * 1e17 + k)
        e = math.sin(1.5707963267948966 * k + x * 1e-6) + math.cos(x * 0.1)
        h = (h * 7 + bits(a) + bits(b) + bits(d) + bits(e)) % 1000000007
        scale = scale * 10.0
    return h
