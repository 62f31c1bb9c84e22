# A point kernel that never returns: --timeout must stop it.


def forever(c, maxiter):
    n = 0
    while True:
        n = n + 1
        if n > 1000000:
            n = 0
    return n
