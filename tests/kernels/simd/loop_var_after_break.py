# The loop variable read after the loop, after a break and after a
# natural end (the vector form writes it once, when a lane leaves); with
# maxiter 0 it keeps the 7 from before the loop.
def f(c, maxiter):
    z = 0j
    it = 7
    for it in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            break
    return it * 3 + 1
