def f(c, maxiter):
    return 0 # ÿş
