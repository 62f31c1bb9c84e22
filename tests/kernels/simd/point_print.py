# args: 40 30
# A point kernel that prints for some points: the prints come out in the
# grid's order although lanes finish out of order.
def mandel(c, maxiter):
    z = 0j
    if c.real < -1.9 and c.imag > 0.9:
        print("corner", c)
    for iteration in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return iteration
    return 0
