# a kernel file with code at module level: mandelc skips it and says so
# once, for the first such statement (line 9), not for the main guard.
import math

LIMIT = 2.0
TABLE = [math.sqrt(k) for k in range(4)]


print("this is not run by mandelc")
for k in range(3):
    print(k)


def f(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > LIMIT:
            return n
    return maxiter


if __name__ == "__main__":
    print(f(0j, 10))
