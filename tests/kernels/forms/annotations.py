# parameter and return annotations give the types explicitly.
def helper(v: float, k: int) -> float:
    return v * k


def mandel(c: complex, maxiter: int) -> int:
    z: complex = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return n + int(helper(c.real, 3))
    return maxiter
