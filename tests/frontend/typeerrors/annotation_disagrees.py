# expect error: 2:11: 'xs' is annotated as list[complex], but the driver passes a list[float]
def f(xs: list[complex], ys, maxiter: int):
    return [[0]]
