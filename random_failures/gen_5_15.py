import math

K1 = 1
K2 = 3
PAL3 = [-230, -980, -547, -751, -462]
PAL4 = [max(-1e6, min(1e6, (abs(max(-1e6, min(1e6, 3.25))) + 1.0) ** 0.5)), max(-1e6, min(1e6, (abs(max(-1e6, min(1e6, math.e))) + 1.0) ** 3.0))]


def h0(c, p1, p2=3):
    p2 = p2 % 10007 - 5003
    t0 = 0.25
    w5 = 0
    while w5 < 2:
        w5 += 1
        c += (complex(float(PAL4[-1]), (K1 + PAL4[-1])) * ((p1 + (-1j)) / ((c + c) + (abs((c + c)) + 1.0))))
    w6 = 0
    while w6 < 4:
        w6 += 1
        c *= c
        p2 = (((((-1) + p2) >> 2) - ((p2 << 0) % -(abs((p2 - p2)) % 9 + 1)))) % 10007 - 5003
    return ((p2 + ((-K2) * int(max(-1e6, min(1e6, p1)))))) % 10007 - 5003


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
    i0 = (i1) % 10007 - 5003
    i1 = (i0) % 10007 - 5003
    z1 = ((-1j) / (abs((z0 - 0j)) + 1.0))
    for n in range(maxiter):
        z0 = z0 * z0 + c
        li[PAL3[13 % len(PAL3)] % 4] = (sum([v for v in li if v > (math.floor(max(-1e6, min(1e6, f1))) * (-K1))])) % 10007 - 5003
        if (h0(z0, f1, i1) > (K2 + i1)):
            z1 += ((complex(PAL4[-1], PAL4[1])).conjugate() + (complex(f0, f1) - (z0 / (abs(z1) + 1.0))))
        else:
            z0 = (((z0 / (abs(z0) + 1.0)) + complex(f0, (-1.5))) + math.ceil(max(-1e6, min(1e6, z1.real))))
            n = (((i1 ^ (n ^ 7)) * int(PAL4[round(max(-1e6, min(1e6, f0))) % len(PAL4)]))) % 10007 - 5003
        z1 *= (((z1 / (z0 + (abs(z0) + 1.0))) * 0j) * (z0 / ((z1 - c) + (abs((z1 - c)) + 1.0))))
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            return n + i0
    return (i1 - (len(la) * (5 * K2)))


def calculate_z_serial_purepython(chunk):
    q, maxiter, z = chunk
    output = []
    for i in range(len(q)):
        output.append(f(q[i], maxiter))
    return output


def calc_pure_python():
    return calculate_z_serial_purepython
