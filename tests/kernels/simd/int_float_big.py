# Ints past 2**53 meeting floats in the vector form (simd_taken_intfloat
# checks that it runs there): int / int exact per lane (the lanes past
# 2**53 one at a time), int OP float and int == complex exact in every
# lane, in both orders and in a chain, both signs, with lanes that escape
# at different steps.
def f(c, maxiter):
    z = 0j
    acc = 0
    i = 0
    while i < maxiter:
        z = z * z + c
        if abs(z) > 2.0:
            break
        big = (i + 1) * 100000000000000000 + 12345678901 - i * i
        x = big / 7
        q = big // 7
        if x > q:
            acc += 1
        elif x == q:
            acc += 2
        if big == float(big):
            acc += 4
        if float(big) < big:
            acc += 8
        if -big / 3 < x * -2.25 <= -big:
            acc += 16
        t = 9007199254740993 + 2 * i
        if t != float(t) and float(t) <= t - 1:
            acc += 32
        if complex(float(t), 0.0) == t - 1 or z == big:
            acc += 64
        if (t + i) / (2 * i - 7) > -t / 5:
            acc += 128
        i += 1
    return acc * 1000 + i
