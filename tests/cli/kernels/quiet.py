# The tutorial's list kernel without its progress prints, so that stdout
# holds exactly the three lines (examples/pure_python_2.py prints progress).


def calculate_z_serial_purepython(q, maxiter, z):
    """Pure python with complex datatype, iterating over list of q and z"""
    output = [0] * len(q)
    for i in range(len(q)):
        for iteration in range(maxiter):
            z[i] = z[i] * z[i] + q[i]
            if abs(z[i]) > 2.0:
                output[i] = iteration
                break
    return output
