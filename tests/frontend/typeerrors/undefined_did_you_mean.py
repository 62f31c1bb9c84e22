# expect error: 4:12: name 'totl' is not defined; did you mean 'total'?
def f(c, maxiter):
    total = 0
    return totl + maxiter
