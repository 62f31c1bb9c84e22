# expect error: 3:5: 'break' outside a loop
def f(c, maxiter):
    break
    return 1
