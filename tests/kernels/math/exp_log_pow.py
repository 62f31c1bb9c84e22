# math.exp, math.log, math.pow and float ** float, bit exact: on inputs
# where glibc's FMA and plain builds round differently (so the GPU's copy
# of glibc must be the host's build), near 1 (log's own polynomial), and
# spread over each function's range.
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
    es = [-25.065459228434371, 27.155464591461154, 24.423839132499936,
          -11.249945337108933, -29.353834807737961, -5.7357120554718186]
    ls = [6.9927669192222623, 7.3834832966328063, 1.2216810543425676,
          0.94276185678666247, 0.94869154259146171, 1.048755734572357]
    px = [7.0575823536800062, 7.4711643657996305, 0.26848950722622889,
          6.7615414941201708, 1.9234567056721257, 4.9882909987638637]
    py = [-23.335112825590492, -16.149902550438625, -20.332652725689204,
          -26.59461282630485, 16.859259945244247, 22.180440940402065]
    x = c.real
    y = c.imag
    h = 0
    for k in range(maxiter):
        j = k % 6
        t = x * 13.7 + y * 0.37 * k
        a = math.exp(es[j]) + math.exp(t)
        b = math.log(ls[j]) + math.log(abs(t) + 0.001 * k + 1e-300)
        d = math.log(1.0 + x * 0.03 * k)
        p = px[j] ** py[j] + (abs(t) + 0.5) ** (y * 3.1 + k * 0.01)
        q = math.pow(px[j], py[j]) + math.pow(abs(x) + 1.5, -y * k)
        n = (-(abs(y) + 1.25)) ** (k * 1.0)
        h = (h * 7 + bits(a) + bits(b) + bits(d) + bits(p) + bits(q)
             + bits(n)) % 1000000007
    return h
