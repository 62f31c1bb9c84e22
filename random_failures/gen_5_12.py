import math

K1 = abs((complex() * math.e))
K2 = ((1j / (abs((0.5 - 0.25j)) + 1.0))).conjugate()
K3 = max((8 >> 2), round(max(-1e6, min(1e6, K1))))
PAL4 = (260, 144)
PAL5 = [740, -448, -607, 804, 839]


def h0(c):
    t0 = 0.25
    if ((1 + K3) >= (~0)):
        return ((c * (c * 3)) * c)
    return (-1j)


def mandel(x, y, max_iters):
    c = complex(x, y)
    maxiter = max_iters
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
    i0 += ((K3 // -((i1 - i1) % 7 + 1)) if ((f1 + f1) <= f1) else ((-4) & (i1 if (i1 == i0) else K3)))
    i0 = i0 % 10007 - 5003
    w6 = 0
    while w6 < 4:
        w6 += 1
        for k7 in range(1):
            i0 = (i1) % 10007 - 5003
            i1 += ((i0 if (K1 <= f1) else max(K3, len(li))) if ((f0 - f0) < K1) else k7)
            i1 = i1 % 10007 - 5003
            i1 = (i1) % 10007 - 5003
        i0 = ((-1)) % 10007 - 5003
        for k8 in range(4):
            b0 = ((-0.5) <= (i0 / (1 % 5 + 1)) < float(3.25))
    i1 = ((abs((i1 // -(i0 % 7 + 1))) * int(max(-1e6, min(1e6, ((-1.5) if (i0 != i1) else c.imag)))))) % 10007 - 5003
    if ((f1 * f1) <= 0.5):
        z0 += (h0((K2 + c)) - (((0.5 + 0.25j) / (abs(z1) + 1.0)) * (c ** 2)))
        w9 = 0
        while w9 < 1:
            w9 += 1
            f0 -= (abs(i0) + ((2.0 * K1) if (not (K3 < i0)) else (7 / (i1 % 5 + 1))))
            z1 = (c ** 3)
    else:
        w10 = 0
        while w10 < 1:
            w10 += 1
            i1 += (((i0 << 1) * (i0 - i0)) ^ i1)
            i1 = i1 % 10007 - 5003
        lf[-1 - (i0 * K3) % 3] = (abs((i1 + 7)) / (i1 % 5 + 1))
    for n in range(maxiter):
        z0 = z0 * z0 + c
        if (not ((1 >= 2) or (3 <= i1))):
            lf[-1 - abs(i0) % 3] = (1e-3 * (100 - (f0 * f1)))
            i0 = (i0) % 10007 - 5003
            b0 = (math.pi <= math.hypot(f1, K1))
        else:
            n += i0
            n = n % 10007 - 5003
        for k11 in range(5):
            w12 = 0
            while w12 < 4:
                w12 += 1
                i0 = (K3) % 10007 - 5003
                i1 += i1
                i1 = i1 % 10007 - 5003
                li[(2 - K3) % 4] = (((-4) << 2)) % 10007 - 5003
        lf[-1 - (i1 * li[i1 % 4]) % 3] = complex(0.0, f0).imag
        if abs(z0) > 2.0:
            break
    i0 = ((((i1 - i0) - K3) * (i0 ^ (10 % -(abs((-1)) % 9 + 1))))) % 10007 - 5003
    if ((z0).conjugate() == 2j):
        return (abs(math.ceil(max(-1e6, min(1e6, K1)))) | (i1 + li[3 % 4]))
    if ((2.0 % (abs(K1) + 0.5)) > (f1 + f1)):
        return (K3 * (i0 - (i0 % (abs(255) % 9 + 1))))
    return ((round(max(-1e6, min(1e6, 0.0))) + (K3 - i0)) * i1)


def calculate_z_serial_purepython(chunk):
    q, maxiter, z = chunk
    output = []
    for i in range(len(q)):
        output.append(mandel(q[i].real, q[i].imag, maxiter))
    return output


def calc_pure_python():
    return calculate_z_serial_purepython
