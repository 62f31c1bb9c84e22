# expect error: 3:15: a slice bound with a call is not supported in kernels; assign it to a name first
def f(q, maxiter, z):
    head = q[:abs(maxiter)]
    return [0] * len(head)
