# int() truncates toward zero; float() of ints; int of bools and big floats.
def f(c, maxiter):
    a = int(c.real * 7.5)
    b = int(-2.9) + int(2.9) + int(True) + int(-0.5)
    x = float(a) / 4
    y = float(maxiter)
    big = int(1e18) // 1000000000000
    return a * 10 + b + int(x * 8) + int(y) + big
