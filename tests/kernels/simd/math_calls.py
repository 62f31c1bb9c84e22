# math calls and powers in the vector form (simd_taken_math checks that it
# runs there): sqrt, fabs, copysign, floor and the tests as vector code,
# sin, exp, atan2, log, hypot and float ** per lane through the scalar
# code's helpers, complex ** 3 as c_powi's products; the file's own
# one-return function inlined. Lanes escape at different steps.
import math

SCALE = 0.25


def wobble(t, n):
    return math.sin(t) * SCALE + n % 3


def f(c, maxiter):
    z = 0j
    s = 0.0
    k = 0
    for it in range(maxiter):
        z = z ** 3 * 0.5 + z * z + c
        s = s + wobble(z.real, it) + math.sqrt(abs(z.imag)) * math.exp(-abs(s))
        s = s + math.atan2(z.imag, z.real) + math.fabs(z.real) ** 1.5
        k = k + math.floor(z.real * 3.0) + (1 if math.isinf(s) else 0)
        s = math.copysign(s, z.imag) + math.hypot(s, 1.0) * 0.125
        if math.isnan(s) or abs(z) > 2.0:
            return it + k % 7
    return k % 5 + (1 if math.log(abs(s) + 1.0) > 1.0 else 0)
