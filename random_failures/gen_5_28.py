import math

K1 = (abs(max(-1e6, min(1e6, (abs(max(-1e6, min(1e6, (-1.5)))) + 1.0) ** (-1.5)))) + 1.0) ** 3.0
K2 = ((abs(max(-1e6, min(1e6, K1))) + 1.0) ** 0.5 + round(max(-1e6, min(1e6, K1))))


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
    if ((f0 >= i0) and (not (i1 < i1))):
        li[(i1 | (1 | i0)) % 4] = ((li[-1 - (i0 * i1) % 4] - ((100 | i0) * (i1 * i1)))) % 10007 - 5003
        w3 = 0
        while w3 < 3:
            w3 += 1
            f0 += (f0 if (abs(i0) == i1) else ((1 - 7) / ((100 & 0) % 5 + 1)))
        f0 *= f0
    for n in range(maxiter):
        z0 = z0 * z0 + c
        i1 += i1
        i1 = i1 % 10007 - 5003
        if abs(z0) > 2.0:
            return n + i0
    b0 = ((f0 / (abs(f1) + 0.5)) >= (f1 + f1) < (f1 + f0))
    for k4 in range(6):
        lf[-1 - (~k4) % 3] = (1e-3 - ((K2 - K1) * abs(i1)))
        if ((i0 * k4) == math.ceil(max(-1e6, min(1e6, f0)))):
            break
        i1 = ((k4 >> 1)) % 10007 - 5003
    lf[-1 - i0 % 3] = (((~i1) * (13 - f1)) + (((-1) / (i0 % 5 + 1)) if (K2 > f1 < f0) else (f1 + f1)))
    return min((i0 + (i1 - i1)), (-1))


def calculate_z_serial_purepython(maxiter, zs, cs):
    output = [0] * len(cs)
    for i in range(len(cs)):
        output[i] = mandel(Re=cs[i].real, Im=cs[i].imag, max_iter=maxiter)
    return output


def calc_pure_python():
    return calculate_z_serial_purepython
