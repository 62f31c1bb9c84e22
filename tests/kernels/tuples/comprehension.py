# targets: llvm
# A list of tuples from a comprehension, unpacked from an item (issue 12:
# 8-byte slots for 16-byte tuples gave a wrong sum and wrote past the list).
def f(c, maxiter):
    n = 10 + int(abs(c.imag) * 20)
    row = [(0.5 * j, 1.5 + c.real) for j in range(n)]
    a, b = row[3]
    x, y = row[-1]
    return int((a + b) * 1000) + int(x * 7) + int(y * 100) + len(row)
