# mandelc: --kernel=second
# two functions could be the kernel; --kernel picks the second.
def first(c, maxiter):
    return 1


def second(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return n * 2
    return 0
