# expect error: 2:21: expected ':' after the function header, found end of line
def f(q, maxiter, z)
    return q
