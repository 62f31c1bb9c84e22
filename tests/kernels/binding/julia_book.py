# mandelc: --julia=-0.62772-0.42193j --region=-1.8,1.8,-1.8,1.8
# binding: the book's Julia set (both editions): --julia puts the grid in
# zs and the constant in every cs, as the book's calc_pure_python does.
def calculate_z_serial_purepython(maxiter, zs, cs):
    """Calculate output list using Julia update rule"""
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while abs(z) < 2 and n < maxiter:
            z = z * z + c
            n += 1
        output[i] = n
    return output
