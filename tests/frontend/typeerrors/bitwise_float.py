# expect error: 4:14: unsupported operand types for &: float and int
def f(c, maxiter):
    x = c.real
    return x & 1
