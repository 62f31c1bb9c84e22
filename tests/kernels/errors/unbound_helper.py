# UnboundLocalError inside a called function, where the while loop's only
# assignment is skipped (|c| > 1.5).
def depth(c, maxiter):
    z = 0j
    k = 0
    while abs(z) < 2.0 and k < maxiter:
        z = z * z + c
        k += 1
        if abs(c) <= 1.5:
            seen = k
    return seen


def f(c, maxiter):
    return depth(c, maxiter) + 1
