# expect error: 4:14: assignment expressions (:=) are not supported in kernels; assign the value on a line of its own
def f(c, maxiter):
    z = c
    while (r := abs(z)) < 2.0:
        z = z * z + c
    return int(r)
