# range and xrange with one, two and three arguments, negative steps and
# empty ranges; the loop variable keeps its last value.
def f(c, maxiter):
    k = int(c.real * 3)
    s = 0
    for i in range(5):
        s += i
    for i in range(k, 4):
        s += i * 10
    for i in range(10, k, -3):
        s += i * 100
    for i in xrange(0, 20, 7):
        s += i
    for i in range(3, 3):
        s += 100000
    last = 0
    for last in range(k, k + 4):
        pass
    return s + last * 1000
