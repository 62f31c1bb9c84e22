# expect error: 4:5: 'x' was inferred as int at line 3 but is assigned a list[int] here
def f(c, maxiter):
    x = 0
    x = [1, 2]
    return 0
