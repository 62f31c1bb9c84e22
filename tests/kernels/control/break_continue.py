# break and continue in nested loops affect only the innermost loop.
def f(c, maxiter):
    total = 0
    k = int(abs(c.real) * 4)
    for i in range(6):
        if i == k:
            continue
        j = 0
        while True:
            j += 1
            if j % 2 == 0:
                continue
            if j > i:
                break
            total += j
        if total > 20:
            break
        total += i * 100
    return total
