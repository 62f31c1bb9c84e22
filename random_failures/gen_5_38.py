import math

K1 = ((complex(-0.62772, -0.42193) - complex()) * 0.5)
K2 = complex(1e-3, (-1.5)).real
K3 = ((1j * K1) / (abs((complex(-0.62772, -0.42193)).conjugate()) + 1.0))
K4 = 1


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
    if ((2.0 < 0.5) and (not (i0 < 2))):
        if (((0.5 + 0.25j) / (z1 + (abs(z1) + 1.0))) != complex(c.real, f1)):
            f0 += (K2 - (f1 - z0.real))
            z1 += complex(((i0 - i1) / ((~i0) % 5 + 1)), ((K2 - f0) - (i1 / (i0 % 5 + 1))))
            z1 = K1
        elif ((K2 - f0) >= (f1 + f1) < f1):
            lf[-1 - max(max(i0, len(li)), (i0 - i0)) % 3] = 0.0
            b0 = ((f0 + f1) <= f0)
    else:
        if ((1 * (-4)) >= (i0 + 255)):
            li[K4 % 4] = (max(K4, len(li))) % 10007 - 5003
            z1 *= (z1 / (abs(complex(min(f0, f0), (f0 // (abs(f1) + 0.5)))) + 1.0))
            b0 = ((z0 - z1) == z0)
    z0 = complex((math.hypot(f0, f0) - 0.0), abs((K1 + 2j)))
    if ((i0 / (i1 % 5 + 1)) <= (-c.real)):
        return 2
    for n in range(maxiter):
        z0 = z0 * z0 + c
        li[n % 4] = (i1) % 10007 - 5003
        for k5 in range(i0 % 5, 4):
            b0 = ((z0 - K3) == (K3 + K1))
            z1 = (((c ** 2) + round(0.0, 2))).conjugate()
        w6 = 0
        while w6 < 3:
            w6 += 1
            li[((K4 % -(abs(i0) % 9 + 1)) % -(abs((K4 >> 0)) % 9 + 1)) % 4] = ((~(-4))) % 10007 - 5003
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            break
    if (not (0j == (0.5 + 0.25j))):
        z1 += ((K3 * (z1 - 1j)) - ((0j + K1) + ((0.5 + 0.25j) + z0)))
        f1 += (((f1 // (abs(K2) + 0.5)) * lf[i1 % 3]) + f0)
    f0 += f0
    return K4


def calc_pure_python():
    return f
