# args: 150 60
# the tutorial's ShedSkin version: complex maths expanded into floats.
def calculate_z_serial_purepython(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zx, zy = z[i].real, z[i].imag
        qx, qy = q[i].real, q[i].imag
        for iteration in range(maxiter):
            zx_new = (zx * zx - zy * zy) + qx
            zy_new = (2 * (zx * zy)) + qy
            zx = zx_new
            zy = zy_new
            if zx * zx + zy * zy > 4.0:
                output[i] = iteration
                break
    return output
