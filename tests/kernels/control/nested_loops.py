# loops nested three deep with a counter that depends on every level.
def f(c, maxiter):
    n = int(abs(c.imag) * 3) + 1
    acc = 0
    for a in range(n):
        for b in range(a, 4):
            k = 0
            while k < b:
                acc += a * 7 + b * 3 + k
                k += 1
    return acc
