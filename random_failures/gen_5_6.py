import math

K1 = min((0 ^ 255), abs(2))


def h0(c, p1=0.25j):
    t0 = 0.25
    if ((1e-3 >= t0) and ((-4) < 100)):
        return (((0.1 * c) - (-1j))).conjugate()
    return complex(max(0.0, 1e-3), 2.0)


def h1(c, p1=0.25j, p2=0.25j):
    t0 = 0.25
    if (((2 <= 5) or (K1 != 1)) and (K1 >= (-4))):
        return complex(((p2).conjugate().imag - (1e10 - c.imag)), (-t0))
    pass
    t0 *= (((t0 + t0) + abs(2j)) if ((255 << 4) != math.ceil(max(-1e6, min(1e6, 1e10)))) else (math.exp(min(0.0, 50.0)) + float(t0)))
    return h0(p1, p1=(((0.5 + 0.25j)).conjugate() + p1))


def f(c, maxiter):
    i0 = int(c.real * 10)
    i1 = int(c.imag * 100) % 7
    f0 = c.real
    f1 = c.imag * 0.5
    z0 = 0j
    z1 = c
    b0 = c.imag > 0.0
    li = [i0, i1, 3, -2]
    lf = [0.5] * 3
    la = [i1]
    i0 = (round(max(-1e6, min(1e6, f0)))) % 10007 - 5003
    z1 = z1
    for n in range(maxiter):
        z0 = z0 * z0 + c
        i1 += 10
        i1 = i1 % 10007 - 5003
        i0 = (((~(-i0)) << 3)) % 10007 - 5003
        f1 -= (((255 - 7) if (255 > 100) else (255 - i1)) / (((i0 ^ 7) + li[K1 % 4]) % 5 + 1))
        if abs(z0) > 2.0:
            return n + i0
    i0 = ((((i0 % (abs((-1)) % 9 + 1)) >> 3) - i1)) % 10007 - 5003
    if b0:
        i0, i1 = divmod(((i0 - i1) + max(K1, i0)), -(i1 % 7 + 1))
    else:
        b0 = b0
    if (z1 == (1j - z1)):
        return math.floor(max(-1e6, min(1e6, ((~255) / (i1 % 5 + 1)))))
    return i1


def calc_pure_python():
    return f
