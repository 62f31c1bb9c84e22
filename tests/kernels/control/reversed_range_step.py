# reversed(range(a, b, step)) with positive and negative steps, steps that
# do not divide the distance, empty ranges and bounds computed from the
# point; the range's arguments are computed once, before the loop.
def f(c, maxiter):
    z = 0j
    n = 0
    while n < maxiter and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    total = 0
    for k in reversed(range(1, n + 7, 3)):
        total = (total * 3 + k) % 1000003
    for k in reversed(range(n, -5, -4)):
        total = (total * 2 - k) % 1000003
    for k in reversed(range(n, n, 2)):
        total += 1000
    for k in reversed(range(-3, n - 20, -7)):
        total = (total * 5 + k) % 1000003
    s = n % 4 - 2
    if s != 0:
        for k in reversed(range(n - 9, 9 - n, s)):
            total = (total * 7 + k) % 1000003
            s = 100
    return total % 1000000007
