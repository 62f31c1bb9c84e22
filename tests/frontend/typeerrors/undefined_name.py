# expect error: 4:25: name 'foo' is not defined
def f(c, maxiter):
    z = 0j
    return int(abs(z) + foo)
