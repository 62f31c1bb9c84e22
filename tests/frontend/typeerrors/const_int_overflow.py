# expect error: 2:10: computing module constant 'HUGE' raises OverflowError: int result does not fit in 64 bits
HUGE = 2 ** 64 // 3


def f(c, maxiter):
    return HUGE % maxiter
