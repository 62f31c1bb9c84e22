# a grid kernel prints before its loops, once a row (before the row's
# points) and inside: on the GPU the first thread, the first thread of
# each row and every thread print, and the host orders the lines.
def calc(xs, ys, maxiter):
    out = []
    n = len(xs)
    print("grid of", n, "by", len(ys))
    for j in range(len(ys)):
        row = [0] * n
        if j % 20 == 0:
            print("row", j, ys[j])
        for i in range(n):
            c = complex(xs[i], ys[j])
            z = 0j
            for k in range(maxiter):
                z = z * z + c
                if abs(z) > 2.0:
                    row[i] = k
                    break
            if i == j:
                print("diagonal", i, c)
        out.append(row)
    return out
