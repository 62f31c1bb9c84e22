# expect error: 3:5: async functions and await are not supported in kernels
def f(c, maxiter):
    await c
    return maxiter
