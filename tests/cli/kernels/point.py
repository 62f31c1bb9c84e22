# point.py - one point at a time (the point form): mandelc calls the kernel
# once per point of the grid, the points spread over all cores.
#


def escape_count(c, maxiter):
    z = 0j
    for iteration in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return iteration
    return 0
