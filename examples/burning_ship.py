# burning_ship.py - the "burning ship" fractal in list form: like the
# Mandelbrot iteration but squaring (|x| + i|y|), so the imaginary part uses
# abs() of a float. Written over floats with tuple assignment.

def burning_ship(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zx, zy = z[i].real, z[i].imag
        qx, qy = q[i].real, q[i].imag
        for iteration in range(maxiter):
            zx, zy = zx * zx - zy * zy + qx, 2.0 * abs(zx * zy) + qy
            if zx * zx + zy * zy > 4.0:
                output[i] = iteration
                break
    return output
