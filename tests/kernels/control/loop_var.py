# changing the loop variable inside a for body does not change the
# iteration; the range is evaluated once.
def f(c, maxiter):
    n = int(abs(c.real) * 3) + 2
    s = 0
    for i in range(n):
        s += i
        i = i * 10
        s += i
        n = 0
    return s + n
