# Slices of lists read as CPython reads them: every combination of
# missing, positive, negative and out-of-range bounds, steps 2, -1 and -3,
# bounds that vary from point to point, a slice of a slice, of a module
# list and of a list of complex numbers.
PALETTE = [0, 7, 15, 31, 63, 127]


def f(c, maxiter):
    a = [1, 2, 3, 4, 5, 6, 7]
    zs = [c, c * 2, c * 0.5, c - 1]
    n = 0
    z = 0j
    while n < maxiter and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    k = n % 11 - 5
    total = 0
    for x in a[1:4]:
        total = total * 3 + x
    total += sum(a[::2]) + len(a[-2:]) * 7 + sum(a[::-1][:3])
    total += sum(a[k:]) * 11 + sum(a[:k:-2]) * 13 + len(a[k:k + 3])
    total += sum(a[-100:100]) + len(a[5:1]) + sum(a[6:-100:-3])
    total += sum(a[k::-1]) * 17 + sum(a[-k:k]) * 19 + sum(a[::3])
    total += sum(PALETTE[k:]) + max(PALETTE[1::3]) + len(PALETTE[:-k])
    for w in zs[1:k + 4:2]:
        total += int(abs(w) * 1000)
    b = a[:]
    b[0] = 100
    total += a[0] + sum(b[:2])
    return total
