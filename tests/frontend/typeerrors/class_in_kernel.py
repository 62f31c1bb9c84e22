# expect error: 3:5: classes are not supported in kernels
def f(c, maxiter):
    class Point:
        pass
    return 0
