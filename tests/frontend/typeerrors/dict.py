# expect error: 3:12: dicts are not supported in kernels; use a list
def f(c, maxiter):
    seen = {}
    return 0
