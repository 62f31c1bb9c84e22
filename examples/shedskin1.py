# shedskin1.py - the first ShedSkin chapter variant: pure_python_2.py's
# kernel, unchanged, compiled as it is (here without the progress print, so
# that the kernel also runs on the GPU).

def calculate_z_serial_purepython(q, maxiter, z):
    """Pure python with complex datatype, iterating over list of q and z"""
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
