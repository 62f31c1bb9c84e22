# mandelc: --julia=-0.8+0.156j --region=-1.6,1.6,-1.2,1.2
# args: 100 60
# binding: a Julia set through a chunk whose kernel fills an output list.
def julia(chunk):
    zs, cs, maxiter, counts = chunk
    for i in range(len(zs)):
        z = zs[i]
        n = 0
        while n < maxiter and z.real * z.real + z.imag * z.imag < 4.0:
            z = z * z + cs[i]
            n += 1
        counts[i] = n
