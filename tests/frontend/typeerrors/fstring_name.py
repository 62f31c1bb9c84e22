# expect error: 4:27: name 'totl' is not defined; did you mean 'total'?
def f(c, maxiter):
    total = 1
    print(f"a {total:3d} {totl + 1}")
    return maxiter
