# [v] * n for each element type, and a list literal repeated.
def f(c, maxiter):
    n = int(abs(c.imag) * 5)
    a = [0] * n
    b = [1.5] * (n + 1)
    d = [0j] * 3
    e = [1, 2, 3] * n
    g = [7] * 0
    h = [True] * -2
    a2 = 2 * [5]
    d[1] = c
    return len(a) + len(b) * 10 + len(e) * 100 + len(g) + len(h) + int(
        b[-1] * 2) + sum(e) + int(d[1].imag * 10) + a2[1]
