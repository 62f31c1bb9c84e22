# refused: 6:9: error: the loop variable 'i' is changed in the body; use another name for the new value
# reusing the loop variable for something else.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        i = i % 7
        output[i] = maxiter
    return output
