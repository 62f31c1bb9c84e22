# args: 10 30
# UnboundLocalError: a for loop that ran zero times left its target unset.
def f(c, maxiter):
    for n in range(maxiter - 30):
        pass
    return n
