# mandelc: --bind=points=a,start=b
# binding: two lists that neither a name nor a type tells apart are
# ambiguous; --bind says which holds the grid points and which the start.
def kernel(a, b, maxiter):
    out = [0] * len(a)
    for i in range(len(a)):
        z = b[i] + 0.25j
        n = 0
        while n < maxiter and abs(z) <= 2.0:
            z = z * z + a[i]
            n += 1
        out[i] = n
    return out
