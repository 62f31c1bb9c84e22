# append grows a list; len follows it.
def f(c, maxiter):
    out = []
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            break
        out.append(n * 2)
    fl = [0.5]
    for i in range(len(out) % 4):
        fl.append(fl[-1] * 3.0)
    return len(out) * 3 + sum(out) + int(sum(fl))
