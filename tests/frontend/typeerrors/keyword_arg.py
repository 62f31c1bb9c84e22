# expect error: 7:28: helper() got an unexpected keyword argument 'kk'
def helper(x, k):
    return x * k


def f(c, maxiter):
    return helper(maxiter, kk=2)
