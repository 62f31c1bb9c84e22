# listcomp.py - the output list built by a list comprehension over q,
# calling a per-point helper. The helper's parameters (point, limit) do not
# match a kernel form, so calculate_z is the only kernel candidate.

def escape_time(point, limit):
    zi = 0j
    for iteration in range(limit):
        zi = zi * zi + point
        if abs(zi) > 2.0:
            return iteration
    return 0


def calculate_z(q, maxiter, z):
    return [escape_time(qi, maxiter) for qi in q]
