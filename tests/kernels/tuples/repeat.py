# targets: llvm
# `[(1, 2)] * 4` and a repeated list of tuples (issue 12: malloc() aborted).
def f(c, maxiter):
    k = int(abs(c.imag) * 3) % 4
    row = [(1, 2)] * 4
    n = 1 + int(abs(c.real) * 4)
    pairs = [(k, c), (n, 1j * c)] * n
    i, z = pairs[2 * n - 1]
    row[k] = (k * 5, n)
    return (row[k][0] * 10 + row[k][1] + row[(k + 1) % 4][0] * 100 +
            len(pairs) * 1000 + i + int(z.real * 4096) % 1000003)
