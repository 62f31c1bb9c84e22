# cython: language_level=3, boundscheck=False, wraparound=False
# cy_memoryview.pyx - the tutorial's kernel over typed memoryviews of
# complex128 arrays (numpy in, numpy out): no Python objects in the loop.


def calculate_z(double complex[::1] q, int maxiter, double complex[::1] z,
                int[::1] output):
    cdef Py_ssize_t i, n = q.shape[0]
    cdef int iteration
    cdef double complex zi, qi
    for i in range(n):
        zi = z[i]
        qi = q[i]
        for iteration in range(maxiter):
            zi = zi * zi + qi
            if abs(zi) > 2.0:
                output[i] = iteration
                break
