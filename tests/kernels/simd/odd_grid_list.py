# args: 200 50
# 101 x 100 points (not a multiple of the vector width), list form with
# the tutorial's z[i] updated in place.
def calculate_z_serial_purepython(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        for iteration in range(maxiter):
            z[i] = z[i] * z[i] + q[i]
            if abs(z[i]) > 2.0:
                output[i] = iteration
                break
    return output
