# expect error: 2:1: cannot infer what 'forever' returns: every return depends on a call to 'forever'; add a return that does not
def forever(n):
    return forever(n + 1)


def f(c, maxiter):
    return forever(0)
