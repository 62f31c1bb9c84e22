# refused: 6:9: error: iteration i writes 'output' at another index than i; write only output[i]
# each iteration writes its neighbour's element.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        output[len(q) - 1 - i] = i % maxiter
    return output
