# no function fits a kernel form: a compile-time error (exit status 1).
# Three numbers with no name or use that gives them roles bind to nothing.
def helper(a, b, d):
    return a + b + d
