# binding: several functions could bind; the file's own driver calls one
# of them, so that one is the kernel (the point helper mandel is not).
def mandel(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2:
            return n
    return maxiter


def compute(cs, maxiter):
    return [mandel(c, maxiter) for c in cs]


def other(zs, maxiter):
    return [len(zs) + maxiter]


def calc_pure_python(w, maxiter):
    cs = [complex(x, 0.0) for x in range(w)]
    print(sum(compute(cs, maxiter)))
