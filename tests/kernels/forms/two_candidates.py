# two functions fit a kernel form and no --kernel is given: a compile-time
# error naming both (exit status 1; only the status is compared).
def first(c, maxiter):
    return 1


def second(x, y, maxiter):
    return 2
