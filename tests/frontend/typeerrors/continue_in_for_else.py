# expect error: 6:9: 'continue' outside a loop
def f(c, maxiter):
    for n in range(maxiter):
        pass
    else:
        continue
    return 1
