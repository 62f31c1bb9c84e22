# args: 120 40
# the tutorial's list form, f(q, maxiter, z), with z[i] updated in place.
def calculate_z_serial_purepython(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        for iteration in range(maxiter):
            z[i] = z[i] * z[i] + q[i]
            if abs(z[i]) > 2.0:
                output[i] = iteration
                break
    return output
