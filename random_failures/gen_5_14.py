import math

K1 = (abs(max(-1e6, min(1e6, (0.5 - math.pi)))) + 1.0) ** 0.5
K2 = ((complex()).conjugate()).imag
K3 = ((complex()).conjugate() * (abs(max(-1e6, min(1e6, K1))) + 1.0) ** 2)


def h0(c, p1=3):
    p1 = p1 % 10007 - 5003
    t0 = 0.25
    for k4 in range(1):
        p1 = ((((p1 * 2) * p1) + ((13 | k4) - p1))) % 10007 - 5003
        p1 = ((p1 - ((100 + p1) // -((k4 + k4) % 7 + 1)))) % 10007 - 5003
    p1 += int(max(-1e6, min(1e6, abs(((-1j) - (-1j))))))
    p1 = p1 % 10007 - 5003
    return t0


def h1(c):
    t0 = 0.25
    t0 *= ((c.real + round(c.real, 2)) if ((3.25 < t0) or ((0 <= 3) or ((-1) <= 10))) else ((7 + t0) - math.sqrt(abs(K1))))
    t0 += (((K1 - 1e-3) + K2) % (abs(0.1) + 0.5))
    t0 = (((1 + 2) / (255 % 5 + 1)) - ((c.real + 0) * abs(c)))
    for k5 in range(255 % 5, 3):
        t0 += ((min(k5, k5) * t0) / (abs(t0) + 0.5))
        c = (((c - c) * (c - k5)) / (abs(((2j / (abs(c) + 1.0)) * (c * c))) + 1.0))
    return ((float(c.imag) * min(5, 7)) % (abs(float((1e10 - 0.0))) + 0.5))


def mandel(Re, Im, max_iter):
    c = complex(Re, Im)
    maxiter = max_iter
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
    i0, i1 = i1, i0
    for k6 in range(2):
        if ((i0 < i0) and (c.imag <= k6)):
            f0 *= ((z1 * f0) * K3).imag
            f1 = (k6 / ((round(max(-1e6, min(1e6, (-1.5)))) * (k6 - i1)) % 5 + 1))
        else:
            i1 = ((k6 + i1)) % 10007 - 5003
        i1 = (sum([v for v in li if v > i0])) % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        w7 = 0
        while w7 < 1:
            w7 += 1
            b0 = (not (f0 < i0))
            f0 = K1
        z1 += ((0j + c) + ((c - z0) / (1j + (abs(1j) + 1.0))))
        if abs(z0) > 2.0:
            return n + i0
    if (not (i0 <= i0)):
        return (((-i0) if (f0 >= (-1)) else (i0 * i0)) + i0)
    return ((((-4) * 10) * (i1 & i0)) - max((i1 * i0), len(li)))


def calc_pure_python():
    return mandel
