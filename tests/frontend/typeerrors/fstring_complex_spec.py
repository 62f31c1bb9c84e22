# expect error: 4:15: the format spec '.2f' of complex is not supported in kernels; format numbers with int or float specs, or print the value itself
def f(c, maxiter):
    if maxiter < 0:
        print(f"z = {c:.2f}")
    return maxiter
