# refused: 11:9: error: 'fill' writes to the list it is given, so iterations are not independent; return the value and store it in the loop
# a helper that writes into the list it is handed.
def fill(out, k, v):
    out[k] = v
    return 0


def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        fill(output, i, maxiter)
    return output
