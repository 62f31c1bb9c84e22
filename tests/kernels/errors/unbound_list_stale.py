# No error: `last` keeps the value of an earlier point's iteration (the
# first point escapes), as in CPython; points in the set reuse it.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        for it in range(maxiter):
            z[i] = z[i] * z[i] + q[i]
            if abs(z[i]) > 2.0:
                last = it
                break
        output[i] = last
    return output
