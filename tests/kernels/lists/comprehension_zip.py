# enumerate(), zip(), enumerate(zip()) and reversed() as the iterables of
# list comprehensions: nested targets, a tuple target bound to a list of
# tuples' items, conditions, a later generator reading an earlier target,
# a start for enumerate, lists of different lengths.
def f(c, maxiter):
    z = 0j
    n = 0
    while n < maxiter and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    xs = [n, n * 2, n * 3, 4]
    ys = [1.5, c.real, c.imag]
    ps = [(1, 2.5), (n, 0.5), (3, c.imag)]
    a = [x * y for x, y in zip(xs, ys)]
    b = [i * v for i, v in enumerate(xs, 1) if v % 2 == 0]
    d = [i + int(x * 10) + k for i, (k, x) in enumerate(zip(xs, ys))]
    e = [v - i for i, v in enumerate(reversed(xs))] if n > 3 else [0]
    g = [k + int(w * 4) for k, w in ps]
    h = [int(p * q) for i, p in enumerate(ys) for q in xs[i:]]
    r = [v for v in reversed(xs)]
    total = int(sum(a) * 1000) + sum(b) * 3 + sum(d) * 5 + sum(e) * 7
    return total + sum(g) * 11 + sum(h) * 13 + r[0] * 17 + len(a)
