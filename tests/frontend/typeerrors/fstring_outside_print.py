# expect error: 3:9: f-strings are only supported as arguments of print() in kernels
def f(c, maxiter):
    s = f"{maxiter}"
    return maxiter
