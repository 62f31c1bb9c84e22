# refused: 8:13: error: break ends the loop early, so later iterations depend on earlier ones; skip the rest of an iteration with continue
# stopping at the first point that escapes at once.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        output[i] = 1
        if abs(q[i]) > 2.0:
            break
    return output
