# the list form binds by name: parameters in any order.
def kernel(z, maxiter, q):
    output = []
    for i in range(len(q)):
        zi = z[i]
        n = 0
        while n < maxiter and zi.real * zi.real + zi.imag * zi.imag <= 4.0:
            zi = zi * zi + q[i]
            n += 1
        output.append(n)
    return output
