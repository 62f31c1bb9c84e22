# expect error: 3:13: a lambda is only supported in kernels when it is named (f = lambda x: ...) and then called
def f(c, maxiter):
    return (lambda v: v * v)(maxiter)
