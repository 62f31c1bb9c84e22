# args: 60 40
# int % and // of negative values before the escape loop, in vector form:
# CPython's floor division and a remainder with the divisor's sign.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        a = i - 450
        b = a % 7 - a // 7 + (-a) % 5 + a // -3 + a % -4 + -a // 9
        zi = z[i]
        qi = q[i]
        for iteration in range(maxiter):
            zi = zi * zi + qi
            if abs(zi) > 2.0:
                output[i] = iteration * 1000 + b
                break
    return output
