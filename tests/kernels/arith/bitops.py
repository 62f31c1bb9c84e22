# & | ^ << >> ~ on ints, negative operands included.
def f(c, maxiter):
    a = int(c.real * 1000)
    b = int(c.imag * 1000)
    s = abs(b) % 13
    r = (a & b) + (a | 0x1F) - (a ^ b) + (a << s) + (b >> (s % 5)) + ~a
    r = r + (~b & 0xFF) + (a >> 3) - ((-a) >> 2) + (0b1011 ^ s) + 0o17
    return r
