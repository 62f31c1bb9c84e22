# expect error: 8:16: parameter 'v' of 'helper' was inferred as int at line 7 but is passed a list[int] here
def helper(v):
    return 1


def f(c, maxiter):
    a = helper(3)
    b = helper([1, 2])
    return a + b
