# round() to an int uses round-half-even; round(x, n) gives a float.
def f(c, maxiter):
    x = c.real * 10.0
    a = round(x)
    b = round(2.5) + round(3.5) + round(-2.5) + round(-0.5) + round(0.5)
    y = round(c.imag, 2)
    z = round(c.real * 1234.5678, -2)
    w = round(c.imag * 7.0, 3)
    return a * 100 + b + int(y * 100) + int(z) + int(w * 1000)
