# UnboundLocalError: LIMIT is stored in f, so it is f's local everywhere
# in f (Python's rule), and the read in the loop comes before the store.
LIMIT = 4.0


def f(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > LIMIT:
            break
    LIMIT = 2.0
    return n
