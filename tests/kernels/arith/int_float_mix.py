# ints widen to float, and float to complex, where Python mixes them.
def f(c, maxiter):
    a = int(c.real * 10)
    x = a + 0.5
    y = a * c.imag - 3
    z = a * c + 2
    w = z - a
    acc = 0
    acc += 0.25
    acc = acc + a
    return int(x * 4) + int(y * 100) + int(w.real * 100) + int(acc * 4)
