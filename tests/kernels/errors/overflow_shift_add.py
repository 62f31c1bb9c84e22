# expect: OverflowError 7
# an augmented += outside 64 bits, after << fills the top bits.
def f(c, maxiter):
    big = 1 << 62
    total = big
    if c.imag < -1.0 and c.real > 0.0:
        total += big
    return total % 3
