# targets: llvm
# a list kernel that prints progress and fails part-way: the prints before
# the failing point come out, none after, and the error is the first in
# iteration order even when the outer loop runs on several threads.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        if i % 250 == 0:
            print("%0.2f%% complete" % (1.0 / len(q) * i * 100))
        zi = z[i]
        qi = q[i]
        for iteration in range(maxiter):
            zi = zi * zi + qi
            if abs(zi) > 2.0:
                output[i] = iteration
                break
        if qi.imag < -0.9 and qi.real > 0.3:
            output[i] = 10 // (iteration - iteration)
        if qi.imag < 0.2 and qi.real > 0.5:
            output[i] = output[i + len(q)]
    return output
