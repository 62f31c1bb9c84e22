# cython: language_level=3
# cy_kernel.pyx - bench_python.sh's Cython row: the tutorial's Cython
# kernel (bench/peers/cy_lists.pyx: lists in and out, cdef complex),
# named as the tutorial's program calls it, and a tiny function for the
# cost of one call.


def calculate_z_serial_purepython(list q, int maxiter, list z):
    cdef unsigned int i
    cdef int iteration
    cdef complex zi, qi
    cdef list output
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


def add(long a, long b):
    return a + b
