# expect error: 3:9: sets are not supported in kernels; use a list
def f(c, maxiter):
    s = {1, 2}
    return 0
