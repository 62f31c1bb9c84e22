# expect error: 8:19: *args is not supported in kernels; pass each argument by position
def helper(x, k):
    return x * k


def f(c, maxiter):
    args = [1, 2]
    return helper(*args)
