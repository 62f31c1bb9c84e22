import math

K1 = (math.log(abs(max(-1e6, min(1e6, 1e-3))) + 1.0) + 0.1)
K2 = math.sin(max(-1e6, min(1e6, K1)))
PAL3 = (-364, -835, -555, 22)


def h0(c, p1=3):
    p1 = p1 % 10007 - 5003
    t0 = 0.25
    if ((c.real * 10) <= 3.25):
        return abs(int(max(-1e6, min(1e6, 1j.imag))))
    p1 = (0) % 10007 - 5003
    for k4 in range(2):
        c = complex(float((255 * t0)), round((t0 * t0), 2))
    return ((10 + (p1 % (abs((p1 * 0)) % 9 + 1)))) % 10007 - 5003


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
    i0 = ((min(PAL3[(-1) % len(PAL3)], (i0 >> 3)) // -(i1 % 7 + 1))) % 10007 - 5003
    i1 = ((math.ceil(max(-1e6, min(1e6, (i1 * f0)))) * i0)) % 10007 - 5003
    z1 = (((c + (0.5 + 0.25j)) / (abs(z0) + 1.0)) + ((c ** 2) * (c ** 2)))
    la.append((((i1 - i1) * (0 if (i1 >= i1) else i1))) % 10007 - 5003)
    for n in range(maxiter):
        z0 = z0 * z0 + c
        i1 = (((-4) - ((i0 % (abs(i0) % 9 + 1)) * int(max(-1e6, min(1e6, 0.5)))))) % 10007 - 5003
        if (((-4) >> 3) != (-i0)):
            continue
        if abs(z0) > 2.0:
            break
    return (math.ceil(max(-1e6, min(1e6, (0 / (100 % 5 + 1))))) + i1)


def calc_pure_python():
    return f
