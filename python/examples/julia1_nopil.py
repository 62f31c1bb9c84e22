"""julia1_nopil.py - a Julia set in the manner of the book "High
Performance Python" (its julia1_nopil.py: no PIL, no picture), with the
kernel compiled by mandelc:

    python3 python/examples/julia1_nopil.py [WIDTH [MAX_ITERATIONS]]

The driver builds zs (the grid, the starting values) and cs (the one
complex constant, at every point) as plain lists and calls
calculate_z_serial_purepython(maxiter, zs, cs), decorated with
@mandelc.jit: the first call compiles it, and the program prints what
CPython prints without the decorator (tests/python/test_programs.py checks
it), except the time.
"""
import sys
import time

import mandelc

# the square of the complex plane drawn, and the Julia constant
X_MIN, X_MAX, Y_MIN, Y_MAX = -1.8, 1.8, -1.8, 1.8
C_REAL, C_IMAG = -0.62772, -0.42193


@mandelc.jit
def calculate_z_serial_purepython(maxiter, zs, cs):
    """Escape counts: how many steps of z = z * z + c each z survives."""
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n
    return output


def grid(width):
    """The x and y coordinates, stepped as the book's driver steps them."""
    x_step = (X_MAX - X_MIN) / width
    y_step = (Y_MIN - Y_MAX) / width
    xs = []
    ys = []
    y = Y_MAX
    while y > Y_MIN:
        ys.append(y)
        y += y_step
    x = X_MIN
    while x < X_MAX:
        xs.append(x)
        x += x_step
    return xs, ys


def calc_pure_python(width, max_iterations):
    xs, ys = grid(width)
    zs = [complex(x, y) for y in ys for x in xs]
    cs = [complex(C_REAL, C_IMAG)] * len(zs)
    print("Length of x:", len(xs))
    print("Total elements:", len(zs))
    start = time.time()
    output = calculate_z_serial_purepython(max_iterations, zs, cs)
    secs = time.time() - start
    print(calculate_z_serial_purepython.__name__ + " took", secs, "seconds")
    print("Sum of escape counts:", sum(output))
    print("Points that never escaped:", output.count(max_iterations))
    print("First row:", output[:8])


if __name__ == "__main__":
    width = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    calc_pure_python(width, iterations)
