# several return statements, including returns inside loops.
def classify(x, y):
    if x < -1.0:
        return 1
    if y > 0.5:
        for i in range(10):
            if i * 0.25 > y:
                return 10 + i
        return 2
    while x > 0.0:
        x -= 0.3
        if x < 0.1:
            return 30
    return 4


def f(c, maxiter):
    return classify(c.real, c.imag)
