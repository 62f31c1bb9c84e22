# expect error: 2:10: 'c' is annotated as float, but the driver passes a complex
def f(c: float, maxiter: int) -> int:
    return 0
