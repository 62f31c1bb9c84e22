# expect error: 4:17: cannot store a float in a list[int]; create the list with float elements
def f(q, maxiter, z):
    output = [0] * len(q)
    output[0] = 0.5
    return output
