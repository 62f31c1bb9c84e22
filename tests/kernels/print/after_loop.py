# print before, inside and after the list kernel's loop, with `continue`
# skipping the rest of some iterations: on the GPU the first thread prints
# what comes before the loop, the last thread what comes after it, and the
# host orders every line by iteration.
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    half = len(q) // 2
    print("points:", len(q), "half:", half)
    for i in range(len(q)):
        if i % 3 == 0:
            continue
        if i % 1500 == 1:
            print("at", i, q[i])
        zi = z[i]
        for iteration in range(maxiter):
            zi = zi * zi + q[i]
            if abs(zi) > 2.0:
                output[i] = iteration
                break
    print("done; the middle point is", q[half], "and", half, "is even:",
          half % 2 == 0)
    return output
