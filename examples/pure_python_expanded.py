# pure_python_expanded.py - the ShedSkin chapter's kernel: complex numbers
# expanded into floats by hand (list form). Its validation sum differs from
# pure_python_2.py's because it tests zx*zx + zy*zy > 4.0, not abs(z) > 2.0.
#
#   mandelc examples/pure_python_expanded.py 1000 1000


def calculate_z_serial_purepython(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zx, zy = z[i].real, z[i].imag
        qx, qy = q[i].real, q[i].imag
        for iteration in range(maxiter):
            # expand complex numbers to floats, do raw float arithmetic
            zx_new = (zx * zx - zy * zy) + qx
            zy_new = (2 * (zx * zy)) + qy
            zx = zx_new
            zy = zy_new
            if (zx * zx + zy * zy) > 4.0:
                output[i] = iteration
                break
    return output
