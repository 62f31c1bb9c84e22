# expect error: 3:5: nested functions are not supported in kernels; define 'inner' at module level
def f(c, maxiter):
    def inner(v):
        return v
    return inner(1)
