# cython: language_level=3
# cy_lists.pyx - the tutorial's Cython kernel ("Cython" chapter): Python
# lists in and out, the loop typed with cdef complex. bench/peers.sh
# builds it with cythonize; abs(zi) is C's cabs (hypot), as CPython's.


def calculate_z(list q, int maxiter, list z):
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
