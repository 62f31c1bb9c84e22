# expect error: 7:9: 'P' is a class; classes are not supported in kernels (use numbers, tuples and lists)
class P:
    pass


def f(c, maxiter):
    p = P()
    return 0
