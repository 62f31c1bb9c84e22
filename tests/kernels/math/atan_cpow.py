# math.atan, math.atan2 and complex ** a non-integer (CPython's _Py_c_pow:
# C's hypot, pow, atan2, exp, log, cos and sin), bit exact: on inputs where
# glibc's FMA and plain builds round differently (so the GPU's copy of
# glibc must be the host's build), in each of atan's ranges, in every
# quadrant, and at math.atan2's special cases.
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
    at = [0.71941560124530146, 0.58113512495089426, 0.69296501773078134,
          0.07906424686260749, -5.916544058266318, 0.14346968611973665]
    ay = [-0.42240625191566394, 2.2921865328419591, -0.80674123624597271,
          0.1877255792938497, -1.622979329591435, 1.4273163620167733]
    ax = [1.6320370830033131, 1.2670400807763089, 0.80231375281792605,
          1.8777742444297534, -0.91055352676100521, -0.50922436300550222]
    inf = 1e308 * 10.0
    sx = [0.0, -0.0, inf, -inf, 1.0, -1.0]
    x = c.real
    y = c.imag
    h = 0
    scale = 0.01
    for k in range(maxiter):
        j = k % 6
        a = math.atan(at[j]) + math.atan2(ay[j], ax[j])
        b = math.atan(x * scale) + math.atan2(y, x * scale)
        d = math.atan2(sx[j], sx[(j + k) % 6]) + math.atan2(y * scale, sx[j])
        z = complex(x, y) ** complex(0.5 + k * 0.1, y * 0.3)
        w = complex(x * scale, y) ** (1.0 / 3.0)
        h = (h * 7 + bits(a) + bits(b) + bits(d) + bits(z.real)
             + bits(z.imag) + bits(w.real) + bits(w.imag)) % 1000000007
        scale = scale * 4.0
    return h
