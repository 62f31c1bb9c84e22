# expect error: 3:12: a float cannot be sliced
def f(q, maxiter, z):
    head = q[0].real[1:]
    return [0] * len(q)
