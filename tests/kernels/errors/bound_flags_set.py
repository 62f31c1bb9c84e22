# No UnboundLocalError: each read of esc, inside and n may find its
# variable unset on some path (so each has a flag), but the flags say
# they are set: a break assigned esc, the else clause inside, and the
# loop ran (maxiter > 0) so n holds its last value.
def f(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            esc = n
            break
    else:
        inside = 1
    if abs(z) > 2.0:
        return esc + n
    return inside + n
