# refused: 7:13: error: iteration i reads 'z' at another index than i, where other iterations write; read only z[i]
# z[i - 1] is the previous iteration's result.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        if i > 0:
            z[i] = z[i - 1] * 0.5 + q[i]
        output[i] = int(abs(z[i]))
    return output
