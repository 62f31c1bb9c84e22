# targets: llvm
# Lists of tuples across calls: a helper's parameter and result, a list
# of lists of tuples built in a helper and returned, appended to after.
def pick(rows, k):
    row = rows[k % len(rows)]
    return row[-1 - k % len(row)]


def build(n, c):
    rows = []
    for i in range(n):
        rows.append([(j * i, c * j) for j in range(i + 1)])
    return rows


def f(c, maxiter):
    k = int(abs(c.real) * 7 + abs(c.imag) * 3)
    palette = [(255, 0.5, True), (0, 1.25, False), (17, -2.0, True)]
    r, g, on = palette[k % 3]
    rows = build(2 + k % 5, c)
    m, z = pick(rows, k)
    rows[0].append((m, z))
    return (r + int(g * 4) + (7 if on else 0) + m * 10 +
            int(z.imag * 1000) + len(rows[0]) * 100000)
