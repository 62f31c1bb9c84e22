# refused: 7:13: error: print inside the loop fixes the order of its iterations; print after the loop instead
# the tutorial's progress report prints in iteration order.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        if i % 1000 == 0:
            print("%0.2f%% complete" % (1.0 / len(q) * i * 100))
        for iteration in range(maxiter):
            z[i] = z[i] * z[i] + q[i]
            if abs(z[i]) > 2.0:
                output[i] = iteration
                break
    return output
