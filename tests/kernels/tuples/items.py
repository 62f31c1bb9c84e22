# targets: llvm
# Lists of tuples of every item type: bool, int, float, complex, a nested
# tuple, a list; appended past a reallocation, iterated with unpacking.
def f(c, maxiter):
    k = int(abs(c.imag) * 3) % 4
    a = [(True, 2.5, 1j), (False, -1.0, c)] * 3
    b = [((1, 2.0), [3, 4], (c, True))]
    b.append(((5, 6.5), [7], (1j, False)))
    for j in range(40):
        b.append(((j, j / 4), [j] * (j % 3), (c * j, j % 2 == 0)))
    t, u, v = a[k]
    (p, q), l, (z, w) = b[k * 11 % len(b)]
    s = 0
    for x, y, zz in a:
        s += int(y) + (1 if x else 0) + int(zz.imag * 3)
    m = [(i, float(i) / 3) for i in range(k + 2) if i != 1]
    m[0] = (7, 0.25)
    mix = [(1, 2.0), (3.5, 4)]
    return (s + int(q * 10) + p + len(l) + (l[-1] if len(l) > 0 else 9) +
            int(z.imag * 64) + (3 if w else 4) + (5 if t else 6) +
            int(u * 8) + int(v.imag * 16) + len(m) * 100 +
            int(m[-1][1] * 1000) + m[0][0] + int(mix[1][0] * 2 + mix[0][1]) +
            len(b) * 10000)
