# binding: a Python 2 tuple parameter (the author's 2013 code); the tuple
# is unpacked as Python 2 unpacked it, then binds like a chunk.
def calculate_z((q, maxiter)):
    output = [0] * len(q)
    for i in range(len(q)):
        zi = 0j
        for iteration in range(maxiter):
            zi = zi * zi + q[i]
            if zi.real * zi.real + zi.imag * zi.imag > 4.0:
                output[i] = iteration
                break
    return output
