# inf and nan arise from valid float operations and compare as IEEE says.
import math


def f(c, maxiter):
    big = 1e308 * (10.0 + c.real)
    inf = 1e308 * 10.0
    nan = inf - inf
    n = 0
    if big == inf:
        n += 1
    if nan != nan:
        n += 2
    if not (nan < 1.0) and not (nan >= 1.0):
        n += 4
    if math.isnan(nan) and math.isinf(-inf) and not math.isfinite(inf):
        n += 8
    if -inf < c.real < inf:
        n += 16
    if math.isnan(c.imag * nan):
        n += 32
    if 1.0 / inf == 0.0:
        n += 64
    if math.isinf(big):
        n += 128
    return n
