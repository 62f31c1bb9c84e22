# expect error: 4:9: raise is not supported in kernels; return a value that says what went wrong
def f(c, maxiter):
    if maxiter < 0:
        raise ValueError("negative")
    return 0
