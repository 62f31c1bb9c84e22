# Slices of tuples (constant bounds): the items they select keep their
# own types; negative and missing bounds, negative steps, an empty slice.
def f(c, maxiter):
    t = (1, 2.5, c, 4, 5j)
    n = 0
    z = 0j
    while n < maxiter and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    p, q = t[1:3]
    r, s, u = t[::-2]
    (v,) = t[-1:]
    w, x = t[3:0:-2]
    e = t[4:2]
    y = t[:-3]
    total = n + int(p * 4) + int(abs(q) * 100) + int(r.imag) + int(abs(s))
    total += u + int(v.imag) * 3 + w * 5 + int(p * 2) + y[0] + int(y[1])
    return total + int(abs(x) * 1000)
