# refused: 8:5: error: 'last' is read after the loop, which would need the last iteration's value; compute it after the loop
# the last iteration's value is used after the loop.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        last = i
        output[i] = last
    output[0] = last
    return output
