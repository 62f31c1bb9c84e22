# expect error: 4:27: print(..., sep=...) is not supported in kernels; sep= and end= take constant strings, flush= True or False
def f(c, maxiter):
    s = ", "
    print(c.real, c.imag, sep=s)
    return maxiter
