import math

K1 = ((1j).conjugate() * (0.5 - 0.25j))
PAL2 = (max(-1e6, min(1e6, min(1e-3, 0.5))), max(-1e6, min(1e6, K1.real)), max(-1e6, min(1e6, math.e)), max(-1e6, min(1e6, (2.0 + 8))))


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
    f1 = lf[((i1 - 10) % -(abs((i0 + i1)) % 9 + 1)) % 3]
    if ((3 - i0) > i1):
        b0 = ((13 // -(i1 % 7 + 1)) == i1)
        b0 = ((PAL2[-1] * f0) > math.atan2(f1, 2.0))
        for k3 in range((7 + i1) % 5, 4):
            i0 += (abs((i0 * k3)) * int(max(-1e6, min(1e6, f1))))
            i0 = i0 % 10007 - 5003
    w4 = 0
    while w4 < 1:
        w4 += 1
        w5 = 0
        while w5 < 4:
            w5 += 1
            li[(((-4) ** 2) * i1) % 4] = ((((i0 >> 2) >> 1) * ((i0 * i0) ^ i0))) % 10007 - 5003
    if b0:
        return (-i0)
    for n in range(maxiter):
        z0 = z0 * z0 + c
        z0 *= (i1 * ((K1 + z1) / ((K1 - K1) + (abs((K1 - K1)) + 1.0))))
        b0 = (abs(c) <= (-2.0))
        for k6 in range(abs((n & i0)) % 5, 1):
            z0 += (K1 * ((k6 + n) + ((0.5 + 0.25j) - z0)))
            f1 *= f0
        else:
            li[((-1) * (i0 - 3)) % 4] = (((int(PAL2[i1 % len(PAL2)]) + (-1)) + ((i0 << 0) % (abs(i0) % 9 + 1)))) % 10007 - 5003
        f1 = f0
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            return n + i0
    if ((3 / (i0 % 5 + 1)) > (2 / (100 % 5 + 1))):
        i0 = (int(PAL2[((i0 - i0) * i1) % len(PAL2)])) % 10007 - 5003
        if b0:
            return (i0 - max((i1 - 255), len(li)))
    w7 = 0
    while w7 < 3:
        w7 += 1
        for k8 in range(int(max(-1e6, min(1e6, round(c.real, 2)))) % 5, 1):
            z1 = (z1 + ((i1 / (i0 % 5 + 1)) * (f1 * f1)))
            z1 = (((z1 / (abs(K1) + 1.0)) - complex(PAL2[3], 0.1))).conjugate()
    return ((i0 - i0) + round(max(-1e6, min(1e6, 0.1))))


def calculate_z_serial_purepython(chunk):
    q, maxiter, z = chunk
    output = []
    for i in range(len(q)):
        output.append(f(q[i], maxiter))
    return output


def calc_pure_python():
    return calculate_z_serial_purepython
