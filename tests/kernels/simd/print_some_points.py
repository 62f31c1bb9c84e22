# args: 60 40
# A print in the statements before the escape loop, taken for some points
# only: the vector run records each point that prints, and the prints come
# out in point order, as the serial run gives them.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zi = z[i]
        qi = q[i]
        if i % 7 == 3 or i // 100 == 5:
            print("point", i, qi.real, "%0.3f" % (1.0 / len(q) * i * 100))
        for iteration in range(maxiter):
            zi = zi * zi + qi
            if abs(zi) > 2.0:
                output[i] = iteration
                break
    return output
