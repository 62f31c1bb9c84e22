# int.bit_length() in module constants.
B = (255).bit_length() + (-2 ** 40).bit_length() * 100
D = (-9223372036854775807 - 1).bit_length() * 10000


def f(c, maxiter):
    return maxiter + B + D
