# refused: 11:9: error: 'output.append' fixes the order of the results; preallocate with output = [0] * len(q) and assign output[i]
# the result grows with append: its order is the iterations' order.
def calculate_z(q, maxiter, z):
    output = []
    for i in range(len(q)):
        zi = z[i]
        n = 0
        while n < maxiter and abs(zi) <= 2.0:
            zi = zi * zi + q[i]
            n += 1
        output.append(n)
    return output
