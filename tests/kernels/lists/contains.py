# `in` and `not in` on module lists and tuples, list and tuple displays
# (mixed int and float items) and the empty tuple, in conditions and as
# values.
PALETTE = [0, 7, 15, 31, 63]
ODD = (1, 3, 5, 7, 9)


def f(c, maxiter):
    z = c
    n = 0
    while n < maxiter:
        z = z * z + c
        if abs(z) > 2.0:
            break
        n += 1
    s = 0
    if n in PALETTE:
        s += 100
    m = n % 10
    if m not in ODD:
        s += 10
    k = n % 10
    if k not in (2, 4, 6) and k in [1.0, 8, 9]:
        s += 1
    flag = k in ()
    found = n in PALETTE
    if not flag and found:
        s += 1000
    return s + n
