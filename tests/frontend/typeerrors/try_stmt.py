# expect error: 3:5: try statements are not supported in kernels
def f(c, maxiter):
    try:
        n = 1
    except ValueError:
        n = 2
    return n
