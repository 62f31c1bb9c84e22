# expect error: 6:5: global is not supported in kernels; pass the value as a parameter or read a module constant
COUNT = 0


def f(c, maxiter):
    global COUNT
    return 0
