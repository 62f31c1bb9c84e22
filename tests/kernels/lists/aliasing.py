# two names for one list: writes through one are seen through the other,
# also across a call.
def fill(buf, v):
    for i in range(len(buf)):
        buf[i] = v + i


def f(c, maxiter):
    a = [0] * 4
    b = a
    b[0] = int(c.real * 10)
    fill(a, 3)
    b[3] += a[0]
    d = [1, 2]
    e = d
    d = [9, 9]
    return a[0] * 1000 + a[3] * 100 + b[1] + e[0] * 10 + d[0]
