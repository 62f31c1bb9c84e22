# args: 200 60
# Lanes of one vector break at different iterations, continue, and some
# end the loop naturally (its else clause runs): masks and refills.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zx = z[i].real
        zy = z[i].imag
        qx = q[i].real
        qy = q[i].imag
        n = 0
        for it in range(maxiter):
            zx, zy = zx * zx - zy * zy + qx, 2.0 * zx * zy + qy
            if it < 3 and zx > 1.5:
                continue
            n += 1
            if zx * zx + zy * zy > 4.0:
                output[i] = it
                break
        else:
            output[i] = n + 1000
    return output
