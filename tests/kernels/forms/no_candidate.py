# no function fits a kernel form: a compile-time error (exit status 1).
def helper(a, b):
    return a + b
