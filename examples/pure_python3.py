# pure_python3.py - the tutorial's pure Python Mandelbrot (Python 3 syntax,
# no progress report).
#
#   python3 examples/pure_python3.py 1000 1000
#   mandelc examples/pure_python3.py 1000 1000
#
# print the same three lines; mandelc compiles calculate_z_serial_purepython
# (the list form: q, maxiter, z) and runs its own copy of calc_pure_python.
import datetime
import sys

# area of space to investigate
x1, x2, y1, y2 = -2.13, 0.77, -1.3, 1.3


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


def calc_pure_python(w, h, maxiter):
    # make a list of x and y values which will represent q
    x_step = (float(x2 - x1) / float(w)) * 2
    y_step = (float(y1 - y2) / float(h)) * 2
    x = []
    y = []
    ycoord = y2
    while ycoord > y1:
        y.append(ycoord)
        ycoord += y_step
    xcoord = x1
    while xcoord < x2:
        x.append(xcoord)
        xcoord += x_step
    q = []
    for ycoord in y:
        for xcoord in x:
            q.append(complex(xcoord, ycoord))
    z = [0 + 0j] * len(q)
    print("Total elements:", len(z))
    start_time = datetime.datetime.now()
    output = calculate_z_serial_purepython(q, maxiter, z)
    end_time = datetime.datetime.now()
    secs = end_time - start_time
    print("Main took", secs)
    validation_sum = sum(output)
    print("Total sum of elements (for validation):", validation_sum)


if __name__ == "__main__":
    # get width, height and max iterations from cmd line
    w = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    h = w
    maxiter = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    calc_pure_python(w, h, maxiter)
