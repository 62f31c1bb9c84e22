# Python 2 print statements: `print a, b`, trailing comma, bare print.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        if i % 700 == 0:
            print "%0.2f%% complete" % (1.0/len(q) * i * 100)
            print "point", i, q[i].real
            print "a",
            print "b"
            print
        zi = z[i]
        for iteration in xrange(maxiter):
            zi = zi * zi + q[i]
            if abs(zi) > 2.0:
                output[i] = iteration
                break
    return output
