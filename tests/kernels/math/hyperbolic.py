# math.sinh, math.cosh and math.tanh, bit exact: on inputs where glibc's
# FMA and plain builds round differently (through expm1 and exp: so the
# GPU's copy of glibc must be the host's build), and in each range of
# fdlibm's code: tiny, below 1 or 0.5*ln2, up to 22, up to the overflow
# threshold.
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
    sh = [0.3225225633587554, -0.16077625588850797, 0.82272755812625165,
          8.8428227313437588, 27.155464591461154, 24.423839132499936]
    ch = [-0.54930102803388237, -1.1775250503530652, -0.83679354422145713,
          11.391842023189369, -28.856295689191953, 3.9835078525936041]
    th = [0.50658128094827859, 0.15676994782023557, 0.15098052804897666,
          -0.074474519230999903, 1.1810014160205249, 1.900908486809918]
    x = c.real
    y = c.imag
    h = 0
    scale = 1e-9
    for k in range(maxiter):
        j = k % 6
        t = x * scale + y * 0.01 * k
        a = math.sinh(sh[j]) + math.cosh(ch[j]) + math.tanh(th[j])
        b = math.sinh(t) + math.cosh(t) + math.tanh(t)
        d = math.sinh(x * 300.0 + 400.0) + math.cosh(y * 10.0 + 20.0)
        h = (h * 7 + bits(a) + bits(b) + bits(d)) % 1000000007
        scale = scale * 10.0
    return h
