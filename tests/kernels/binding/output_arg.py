# binding: the kernel fills an output argument and returns None; the
# driver passes zeros and sums the list after the call.
def calculate_z_serial_purepython(maxiter, zs, cs, output):
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n
