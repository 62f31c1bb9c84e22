# expect error: 3:11: unsupported operand types for //: complex and int
def f(c, maxiter):
    k = c // 2
    return 0
