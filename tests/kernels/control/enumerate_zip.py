# for loops over enumerate() (with a start), zip(), enumerate(zip()) with
# a nested target, reversed() of a list and of a range; continue, break
# and else in them; a whole (index, item) tuple as the target.
def f(c, maxiter):
    zs = [c, c * 2, c * 0.5]
    cs = [c + 1j, c - 1, 0.25 + 0j]
    total = 0
    for i, (z, w) in enumerate(zip(zs, cs)):
        n = 0
        for n in range(maxiter):
            z = z * z + w
            if abs(z) > 2.0:
                break
        total = total * 3 + n + i
    for k, v in enumerate([3, 1, 4, 1, 5], 10):
        total += k * v
    for a, b in zip([1, 2, 3], [7, 8]):
        total += a * b
    for x in reversed(zs):
        if x == zs[0]:
            continue
        total += int(abs(x) * 100)
    else:
        total += 1
    for j in reversed(range(2, maxiter % 9)):
        total = total * 2 + j
    pair = 0
    for p in enumerate([0.5, 1.5]):
        pair += p[0] + int(p[1] * 4)
    return total % 1000003 + pair
