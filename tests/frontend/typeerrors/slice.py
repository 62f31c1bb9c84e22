# expect error: 3:5: assigning to a slice is not supported in kernels; store one element at a time
def f(q, maxiter, z):
    q[1:3] = [0j, 0j]
    return [0] * len(q)
