# UnboundLocalError at the first point in the set: only a break assigns
# esc, so the loop that ends through its else leaves it unset.
def f(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            esc = n
            break
    else:
        inside = maxiter
    return int(abs(z)) + esc
