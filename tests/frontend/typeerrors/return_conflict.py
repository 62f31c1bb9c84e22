# expect error: 5:12: 'helper' returns an int at line 4 but a list[int] here
def helper(v):
    if v > 0:
        return v
    return [v]


def f(c, maxiter):
    return helper(maxiter)
