# expect error: 3:8: a list cannot be a condition in kernels; test len(x) > 0
def f(q, maxiter, z):
    if q:
        return [0] * len(q)
    return []
