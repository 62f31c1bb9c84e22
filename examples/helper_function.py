# helper_function.py - the list kernel split into small helper functions,
# which are compiled with it. The helpers' parameters (z, c) do not match a
# kernel form, so calculate_z is the only kernel candidate.

def step(z, c):
    return z * z + c


def escaped(z):
    return z.real * z.real + z.imag * z.imag > 4.0


def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zi = z[i]
        for iteration in range(maxiter):
            zi = step(zi, q[i])
            if escaped(zi):
                output[i] = iteration
                break
    return output
