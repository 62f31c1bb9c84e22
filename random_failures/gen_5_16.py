import math

K1 = 0
K2 = min(K1, (10 ** 1))


def mandel(real, imag, max_iterations=20):
    c = complex(real, imag)
    maxiter = max_iterations
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
    b0 = ((f1 * 3.25) < (f0 * i0) < (1e-3 // (abs(f1) + 0.5)))
    i1, i0 = divmod((min(100, i1) // (i0 % 7 + 1)), -(10 % 7 + 1))
    i0 = ((((i0 << 1) + (i1 + 2)) >> 5)) % 10007 - 5003
    i1 = (i0) % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        i0 = ((K1 - K2)) % 10007 - 5003
        f1 += (((5 - f0) if (n < 255) else f0) + (1e10 % (abs((0.5 - f0)) + 0.5)))
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            return n + i0
    i0 += ((int(max(-1e6, min(1e6, f0))) - (i0 * i0)) >> 3)
    i0 = i0 % 10007 - 5003
    return int(max(-1e6, min(1e6, (c.imag + ((-1) / (i1 % 5 + 1))))))


def calc_pure_python():
    return mandel
