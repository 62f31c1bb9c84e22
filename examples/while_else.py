# while_else.py - the tutorial's kernel with while loops instead of for
# loops; the inner loop's else clause (run when it ends without break)
# gives points that never escape the value 0, as the tutorial's does.

def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    i = 0
    while i < len(q):
        zi = z[i]
        qi = q[i]
        iteration = 0
        while iteration < maxiter:
            zi = zi * zi + qi
            if abs(zi) > 2.0:
                break
            iteration += 1
        else:
            iteration = 0  # never escaped
        output[i] = iteration
        i += 1
    return output
