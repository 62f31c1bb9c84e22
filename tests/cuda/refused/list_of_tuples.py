# refused: 9:9: error: a list of tuple[int, float] is not supported on the GPU target; run it with --target=llvm
# issue 12: the GPU target refuses a list of tuples (on the CPU its items
# are laid out by compiler/layout.c), with this message, at the list.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zi = z[i]
        n = 0
        seen = [(n, zi.real)]
        while n < maxiter and abs(zi) <= 2.0:
            zi = zi * zi + q[i]
            n += 1
            seen.append((n, zi.real))
        k, x = seen[-1]
        output[i] = k + int(x > 0.0)
    return output
