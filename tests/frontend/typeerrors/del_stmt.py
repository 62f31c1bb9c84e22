# expect error: 4:5: del is not supported in kernels
def f(c, maxiter):
    x = 1
    del x
    return 0
