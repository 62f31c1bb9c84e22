# cython: language_level=3, boundscheck=False, wraparound=False
# distutils: extra_compile_args = -fopenmp
# distutils: extra_link_args = -fopenmp
# cy_prange.pyx - cy_memoryview.pyx with the loop over the points spread
# over OpenMP threads (prange, dynamic schedule: rows inside the set cost
# maxiter iterations, rows outside a few).
from cython.parallel import prange


def calculate_z(double complex[::1] q, int maxiter, double complex[::1] z,
                int[::1] output, int threads):
    cdef Py_ssize_t i, n = q.shape[0]
    cdef int iteration
    cdef double complex zi, qi
    for i in prange(n, nogil=True, schedule='dynamic', chunksize=256,
                    num_threads=threads):
        zi = z[i]
        qi = q[i]
        for iteration in range(maxiter):
            zi = zi * zi + qi
            if abs(zi) > 2.0:
                output[i] = iteration
                break
