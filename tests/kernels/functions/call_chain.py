# helpers that call helpers; arguments are evaluated left to right.
def log_arg(trace, v):
    trace.append(v)
    return v


def add3(a, b, d):
    return a * 100 + b * 10 + d


def twice(trace, x):
    return add3(log_arg(trace, x), log_arg(trace, x + 1), log_arg(trace, 2))


def f(c, maxiter):
    trace = []
    k = int(abs(c.real) * 3)
    r = twice(trace, k)
    return r + trace[0] * 1000 + trace[1] * 10000 + len(trace)
