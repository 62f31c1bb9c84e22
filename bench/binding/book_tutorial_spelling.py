# bench_binding.sh's control: tests/kernels/binding/book_zs_cs.py (the
# book's calculate_z_serial_purepython(maxiter, zs, cs)) with the same
# operations and the parameters spelled as the tutorial spells them, so
# that the two times compare the binding alone.
def calculate_z_serial_purepython(q, maxiter, z):
    """Calculate output list using Julia update rule"""
    output = [0] * len(z)
    for i in range(len(z)):
        n = 0
        zi = z[i]
        c = q[i]
        while abs(zi) < 2 and n < maxiter:
            zi = zi * zi + c
            n += 1
        output[i] = n
    return output
