# expect: OverflowError 8
# an int product outside 64 bits: CPython makes a big int, mandelc must
# raise OverflowError at the line of the multiplication.
def f(c, maxiter):
    n = int(abs(c.real) * 10) + 1
    p = 1
    for i in range(n):
        p = p * 100003
    return p % 1000
