# refused: 12:5: error: on the GPU a print after the loop runs while other iterations may still be writing: it may read no list the loop writes and call no function of the kernel file
# a print after the loop reads the results, which other threads may still
# be writing when the last point's thread gets there.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        for iteration in range(maxiter):
            z[i] = z[i] * z[i] + q[i]
            if abs(z[i]) > 2.0:
                output[i] = iteration
                break
    print("first:", output[0])
    return output
