# targets: llvm
# args: 80 30
# The list form with a list of (iterations, |z|**2, z) tuples, one per
# point, built beside the output and read back: the points' loop stores
# 32-byte items (issue 12's element size, in the parallel loop).
def calculate(q, maxiter, z):
    output = [0] * len(q)
    seen = [(0, 0.0, 0j)] * len(q)
    for i in range(len(q)):
        zi = z[i]
        n = 0
        while n < maxiter and abs(zi) <= 2.0:
            zi = zi * zi + q[i]
            n += 1
        seen[i] = (n, zi.real * zi.real + zi.imag * zi.imag, zi)
    for i in range(len(q)):
        n, m, zi = seen[i]
        output[i] = n + (1 if m > 4.0 else 0) + int(zi.imag > 0)
    return output
