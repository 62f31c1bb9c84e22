# A list kernel that divides by zero at point 57: mandelc must print
# div_zero.py:11: ZeroDivisionError: ... and exit 3.


def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        d = 57 - i
        if d == 0:
            output[i] = 1
        output[i] = output[i] + 100 // d
    return output
