# expect error: 4:16: 'in' is only supported in kernels on a name or number and a tuple, list display or module list of names and numbers; write the loop that searches
def f(c, maxiter):
    seen = [1, 2, 3]
    if maxiter in seen:
        return 1
    return 0
