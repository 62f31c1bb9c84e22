# shedskin2.py - the second ShedSkin chapter variant: complex numbers
# expanded into pairs of floats with tuple assignments, as in the Cython
# "bettermath" version but computing the imaginary part as 2 * (zx * zy).

def calculate_z_serial_purepython(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zx, zy = z[i].real, z[i].imag
        qx, qy = q[i].real, q[i].imag
        for iteration in range(maxiter):
            # expand complex numbers to floats, do raw float arithmetic
            # as the shedskin variant isn't so fast
            # I believe MD said that complex numbers are allocated on the heap
            # and this could easily be improved for the next shedskin
            zx_new = (zx * zx - zy * zy) + qx
            zy_new = (2 * (zx * zy)) + qy # note that zx(old) is used so we make zx_new on previous line
            zx = zx_new
            zy = zy_new
            # remove need for abs and just square the numbers
            if zx*zx + zy*zy > 4.0:
                output[i] = iteration
                break
    return output
