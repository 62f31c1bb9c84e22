# binding: the 2011 multiprocessing chapter: one tuple argument, unpacked
# by the first statement; its items bind as parameters.
import multiprocessing


def calculate_z_serial_purepython(chunk):
    q, maxiter, z = chunk
    output = [0] * len(q)
    for i in range(len(q)):
        zi = z[i]
        for iteration in range(maxiter):
            zi = zi * zi + q[i]
            if abs(zi) > 2.0:
                output[i] = iteration + 1
                break
    return output


def calc_pure_python(chunks):
    pool = multiprocessing.Pool()
    po = pool.map(calculate_z_serial_purepython, chunks)
    print(sum(sum(o) for o in po))
