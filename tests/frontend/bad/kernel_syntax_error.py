# expect error: 4:27: expected ':' after 'for' header, found end of line
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q))
        output[i] = 1
    return output
