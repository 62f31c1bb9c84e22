import math

K1 = (complex(-0.62772, -0.42193)).conjugate()
K2 = K1
K3 = (abs(max(-1e6, min(1e6, min(3.25, 2.0)))) + 1.0) ** 3.0
K4 = 8
PAL5 = (-579, -770, 524, -216, 875)


def h0(c, p1):
    t0 = 0.25
    if (K4 >= (7 * K4)):
        return max(math.atan(max(-1e6, min(1e6, (100 / (2 % 5 + 1))))), K3)
    return (2j).conjugate().imag


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
    b0 = ((z1 + (-1)) != (1j * z1))
    i0 = (max((7 // ((K4 >> 5) % 7 + 1)), len(li))) % 10007 - 5003
    z0 *= (0.5 + 0.25j)
    for k6 in range(0):
        z1 *= (z0 - ((z1 - 0) - (z1 + 2j)))
        for k7 in range(int(max(-1e6, min(1e6, (f1 + 3.25)))) % 5, 6):
            f1 = (i1 / (((K4 + k6) if (k7 > (-4)) else li[k7 % 4]) % 5 + 1))
        else:
            i1 = ((((i1 * k6) + i0) + ((-i1) | (i0 // -(k6 % 7 + 1))))) % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        i0 = (int(max(-1e6, min(1e6, lf[(i1 % -(abs(i1) % 9 + 1)) % 3])))) % 10007 - 5003
        if ((z0 / (abs(z0) + 1.0)) != (1j * 0j)):
            w8 = 0
            while w8 < 2:
                w8 += 1
                z0 = 2j
                i0 = ((i0 + (i0 + i1))) % 10007 - 5003
            i0 += 255
            i0 = i0 % 10007 - 5003
            if ((K4 / (2 % 5 + 1)) > h0(2j, z1)):
                return math.ceil(max(-1e6, min(1e6, ((f1 - f0) if (K2 == z1) else (f1 if (100 == K4) else f0)))))
        else:
            if b0:
                z1 = z1
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            break
    if (f0 >= c.real):
        return (i0 + 3) * 3037000499 * 3037000499 % 7
    if ((i1 + 2) != (K4 - i0)):
        return i0
    i0 = (max(i0, len(li))) % 10007 - 5003
    f1 = math.fabs(((i0 - K4) + h0(K2, K2)))
    return i1


def calculate_z_serial_purepython(maxiter, zs, cs):
    output = [0] * len(cs)
    for i in range(len(cs)):
        output[i] = f(cs[i], maxiter)
    return output


def calc_pure_python():
    return calculate_z_serial_purepython
