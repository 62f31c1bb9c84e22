# refused: 7:13: error: return inside the loop ends it early, so later iterations depend on earlier ones; store the result and return after the loop
# returning from inside the loop over the points.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        if abs(q[i]) > 2.0:
            return output
        output[i] = maxiter
    return output
