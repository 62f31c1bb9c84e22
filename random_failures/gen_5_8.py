import math

PAL1 = [max(-1e6, min(1e6, 2.0)), max(-1e6, min(1e6, min(math.pi, 0.5))), max(-1e6, min(1e6, abs(1j))), max(-1e6, min(1e6, (2.0 + 0.5)))]
PAL2 = [max(-1e6, min(1e6, math.e)), max(-1e6, min(1e6, math.exp(min(max(-1e6, min(1e6, 3.25)), 50.0)))), max(-1e6, min(1e6, (0.5 + (-7)))), max(-1e6, min(1e6, (-1.5))), max(-1e6, min(1e6, (0.5 + 1)))]


def h0(c):
    t0 = 0.25
    if ((7 - 10) == (7 << 5)):
        return ((c.imag / (abs(1e-3) + 0.5)) + (t0 if (255 >= 100) else t0))
    return (((255 / (10 % 5 + 1)) // (abs((t0 / (abs((-1.5)) + 0.5))) + 0.5)) * (c.imag * t0))


def h1(c, p1):
    p1 = p1 % 10007 - 5003
    t0 = 0.25
    for k3 in range(p1 % 5, 2):
        c *= c
        p1 = (min((abs(3) & ((-1) - p1)), ((k3 * 1) ^ (10 % -(abs(13) % 9 + 1))))) % 10007 - 5003
    return ((c).conjugate() - c)


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
    b0 = ((f1 + f0) < c.real)
    for n in range(maxiter):
        z0 = z0 * z0 + c
        if (f1 < (f0 * f0) < (c.real if b0 else 1e10)):
            return (i1 - (2 + (i0 % -(abs(i0) % 9 + 1))))
        for k4 in range(3):
            n = (13) % 10007 - 5003
            if ((f0 <= PAL1[0] < 0.1) or (n <= 7)):
                return i0
            w5 = 0
            while w5 < 3:
                w5 += 1
                b0 = ((c.imag / (abs(0.5) + 0.5)) >= f1)
                li[((i0 - k4) | i1) % 4] = ((int(max(-1e6, min(1e6, (f0 - 2.0)))) ^ (k4 + max(k4, len(li))))) % 10007 - 5003
        else:
            i1 = ((~((i0 % (abs(10) % 9 + 1)) * i0))) % 10007 - 5003
        if abs(z0) > 2.0:
            break
    return i0


def calc_pure_python():
    return mandel
