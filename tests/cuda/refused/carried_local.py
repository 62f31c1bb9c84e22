# refused: 7:9: error: iteration i reads 'acc' written by the previous iteration; make it local to the loop body or accumulate after the loop
# a running total carried from one point to the next.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    acc = 0
    for i in range(len(q)):
        acc = acc + 1
        output[i] = acc
    return output
