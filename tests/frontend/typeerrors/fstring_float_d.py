# expect error: 3:11: Unknown format code 'd' for object of type 'float'
def f(c, maxiter):
    print("{:5d}".format(c.real))
    return maxiter
