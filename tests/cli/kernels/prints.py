# A list kernel that prints: its lines must come between "Total elements"
# and "Main took", as CPython prints them.


def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    print("kernel starts with", len(q), "points")
    for i in range(len(q)):
        output[i] = 1
    print("%0.2f%% complete" % 100.0)
    return output
