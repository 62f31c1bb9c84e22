# IndexError writing past the end of a list.
def f(c, maxiter):
    hist = [0] * 10
    k = int((c.real + 2.2) * 4)
    hist[k] = 1
    return sum(hist) + k
