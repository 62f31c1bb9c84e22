# expect error: 3:13: strings are only supported as arguments of print in kernels
def f(c, maxiter):
    label = "point"
    return 0
