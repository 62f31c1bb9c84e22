# expect error: 3:5: match statements are not supported in kernels; use if and elif
def f(c, maxiter):
    match maxiter:
        case 0:
            return 1
        case _:
            return 2
