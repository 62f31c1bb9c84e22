# expect error: 3:11: centring, '=' and fill characters other than '0' in a format spec ('^9') are not supported in kernels
def f(c, maxiter):
    print(f"{maxiter:^9}")
    return maxiter
