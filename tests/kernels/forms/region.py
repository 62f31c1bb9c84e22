# args: 80 40
# mandelc: --region=-0.75,-0.25,0.0,0.5
# --region moves the grid; the kernel sees the other coordinates.
def mandel(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return n
    return maxiter + int(c.imag * 10)
