# expect error: 6:5: module list 'PALETTE' is read-only in kernels; index it, take its len() or loop over it (a list comprehension copies it)
PALETTE = [0, 7, 15, 31, 63]


def f(c, maxiter):
    PALETTE[0] = maxiter
    return PALETTE[0]
