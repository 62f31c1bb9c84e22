# ZeroDivisionError from int // 0, first at a point of the second half;
# a later row would raise a different error at another line.
def f(c, maxiter):
    k = int(c.imag * 10)
    if c.imag < -1.2 and c.real > 0.5:
        return [1][k]
    d = int(c.real * 4)
    if c.imag < 0.0:
        return 100 // d
    return d
