# args: 60 40
# Points print, then a later point of the same block raises
# ZeroDivisionError before its loop: the output stops where the serial
# run's does, each line once, and the error is that point's.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zi = z[i]
        if i % 50 == 0:
            print("at %d" % i)
        d = 1.0 / (i - 420)
        for iteration in range(maxiter):
            zi = zi * zi + q[i] + d * 0.0
            if abs(zi) > 2.0:
                output[i] = iteration
                break
    return output
