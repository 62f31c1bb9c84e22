# cython_pure_python.py - calculate_z.py from the Cython chapter: the
# pure_python_2 kernel moved into its own module (and later renamed
# calculate_z.pyx), before any type annotations are added.

def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zi = z[i]
        qi = q[i]
        for iteration in range(maxiter):
            zi = zi * zi + qi
            if abs(zi) > 2.0:
                output[i] = iteration
                break
    return output
