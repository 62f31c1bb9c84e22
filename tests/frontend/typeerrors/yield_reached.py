# expect error: 5:9: generators (yield) are not supported in kernels; return a list instead
def squares(n):
    out = 0
    for i in range(n):
        yield i * i


def f(c, maxiter):
    squares(maxiter)
    return 0
