# args: 60 40
# Points print, and a later point raises inside its escape loop, after
# other lanes have finished and later points have printed: the output is
# the serial run's up to the error, each line once.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zi = z[i]
        if i % 30 == 0:
            print("at", i)
        for iteration in range(maxiter):
            zi = zi * zi + q[i]
            if iteration == 20 and i == 455:
                zi = zi * (1.0 / (iteration - 20))
            if abs(zi) > 2.0:
                output[i] = iteration
                break
    return output
