# expect error: 2:8: module constant 'PAIR' is a tuple[int, None]; kernels can only read lists and tuples whose items are all ints, all floats or all complex numbers
PAIR = (1, None)


def f(c, maxiter):
    return PAIR[0]
