import math

K1 = 255
K2 = (complex(-0.62772, -0.42193)).conjugate()
K3 = K2
K4 = K2


def h0(c, p1):
    t0 = 0.25
    p1 += ((0.1 + (p1 if (K1 >= 2) else t0)) / (abs(((2 * 100) / (abs(7) % 5 + 1))) + 0.5))
    if ((2j + K2) == K2):
        c = c
        c *= complex(3.25, ((1e10 - 1e10) - 1))
    else:
        pass
        p1 += ((-1.5) - (c.imag - ((-4) / (5 % 5 + 1))))
    p1 += ((((-4) - 0.1) + 1e-3) / (abs(((255 + t0) * 13)) + 0.5))
    w5 = 0
    while w5 < 5:
        w5 += 1
        t0 = math.sqrt(abs(((0.0 if (13 == 10) else p1) + (c.real - p1))))
    return c


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
    for k6 in range(3):
        w7 = 0
        while w7 < 4:
            w7 += 1
            i1 = ((i1 - (-(k6 + (-1))))) % 10007 - 5003
            z0 += h0(2j, ((z0).conjugate().imag + lf[3 % 3]))
            z1 *= z1
    f1 *= f0
    for n in range(maxiter):
        z0 = z0 * z0 + c
        f1 = min(((i1 / (3 % 5 + 1)) + (n * (-4))), (-1.5))
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            return n + i0
    for k8 in range(6):
        f1 += ((K1 / (abs(k8) % 5 + 1)) - float((1e10 * f1)))
        i0 += (((K1 | 10) * (i0 | 2)) + K1)
        i0 = i0 % 10007 - 5003
        if ((2.0 + 2.0) >= sum([v for v in li if v > i0])):
            continue
    else:
        li[round(max(-1e6, min(1e6, math.log(abs(c.real) + 1.0)))) % 4] = (K1) % 10007 - 5003
    for k9 in range(100 % 5, 6):
        i1 = ((~((k9 // ((-4) % 7 + 1)) - (K1 - i0)))) % 10007 - 5003
    return ((2 >> 3) % -(abs((5 | 100)) % 9 + 1))


def calculate_z(q, maxiter):
    return [f(c, maxiter) for c in q]


def calc_pure_python():
    return calculate_z
