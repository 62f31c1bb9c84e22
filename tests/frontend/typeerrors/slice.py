# expect error: 3:14: slices are not supported in kernels; index one element at a time
def f(q, maxiter, z):
    head = q[1:3]
    return [0] * len(q)
