# "%"-formatting as the tutorial uses it: %0.2f%%, %d, %5.3f, %s, %e.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        if i % 500 == 0:
            print("%0.2f%% complete" % (1.0 / len(q) * i * 100))
        zi = z[i]
        for iteration in range(maxiter):
            zi = zi * zi + q[i]
            if abs(zi) > 2.0:
                output[i] = iteration
                break
    print("%d points, first %5.3f, %s, [%6d] %e" % (len(q), q[0].real,
                                                    q[0].imag, -42, 1234.5))
    print("%x %o %+d %-4d| %.0f %g %i" % (255, 8, 7, 3, 2.5, 0.0001, 9))
    return output
