# expect error: 3:22: the format wants 2 values but 1 is given
def f(c, maxiter):
    print("%d of %d" % maxiter)
    return 0
