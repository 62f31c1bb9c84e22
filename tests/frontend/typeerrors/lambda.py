# expect error: 3:9: lambda is not supported in kernels; define a function with def at module level
def f(c, maxiter):
    g = lambda v: v * v
    return 0
