# expect error: 4:5: decorated nested functions are not supported in kernels; remove the decorator from 'inner'
def f(c, maxiter):
    @staticmethod
    def inner(v):
        return v
    return inner(1)
