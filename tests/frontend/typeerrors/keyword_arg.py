# expect error: 7:28: keyword arguments are not supported in kernels; pass 'k' by position
def helper(x, k):
    return x * k


def f(c, maxiter):
    return helper(maxiter, k=2)
