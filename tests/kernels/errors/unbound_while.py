# args: 10 30
# UnboundLocalError: a while loop whose body never ran.
def f(c, maxiter):
    z = 0j
    i = maxiter - 30
    while i > 0:
        z = z * z + c
        last = i
        i -= 1
    return int(abs(z)) + last
