import math

K1 = complex(-0.62772, -0.42193)
K2 = abs((0 // (abs(10) % 5 + 1)))
K3 = (~(-7))
PAL4 = (max(-1e6, min(1e6, 0.5)), max(-1e6, min(1e6, math.log10(abs(max(-1e6, min(1e6, 3.25))) + 1.0))), max(-1e6, min(1e6, math.hypot(0.1, 1e-3))), max(-1e6, min(1e6, 2.0)), max(-1e6, min(1e6, math.hypot(math.e, math.e))))
PAL5 = (555, 1, -348, 464, 876)


def h0(c, p1=3, p2=0.5):
    p1 = p1 % 10007 - 5003
    t0 = 0.25
    p2 -= c.imag
    for k6 in range((p1 * p1) % 5, 6):
        p1 = ((sum(PAL5) << 1)) % 10007 - 5003
        p1 = ((((K3 % (abs(p1) % 9 + 1)) % -(abs(1) % 9 + 1)) // (((p1 % -(abs(K3) % 9 + 1)) * (k6 // (k6 % 7 + 1))) % 7 + 1))) % 10007 - 5003
        p1 += 0
        p1 = p1 % 10007 - 5003
    return 1j


def h1(c, p1, p2):
    p1 = p1 % 10007 - 5003
    p2 = p2 % 10007 - 5003
    t0 = 0.25
    if (p1 < (p1 + p2)):
        return (-t0)
    p1 = ((((p1 + K2) * K2) * int(max(-1e6, min(1e6, max(t0, t0)))))) % 10007 - 5003
    p2 = ((100 + p1)) % 10007 - 5003
    return t0


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
    if (not (1e-3 <= 3.25)):
        return ((-4) + ((i1 - i0) << 4))
    for n in range(maxiter):
        z0 = z0 * z0 + c
        li[(i0 * (n << 5)) % 4] = ((~((i1 * 7) >> 4))) % 10007 - 5003
        if abs(z0) > 2.0:
            break
    if (not (0j != 1j)):
        return (i0 // -(int(max(-1e6, min(1e6, (c.imag - f0)))) % 7 + 1))
    li[((K2 // (i1 % 7 + 1)) % (abs((-i1)) % 9 + 1)) % 4] = (i1) % 10007 - 5003
    i0 = (len(la)) % 10007 - 5003
    return i1


def calculate_z_serial_purepython(maxiter, zs, cs):
    output = [0] * len(cs)
    for i in range(len(cs)):
        output[i] = f(cs[i], maxiter)
    return output


def calc_pure_python():
    return calculate_z_serial_purepython
