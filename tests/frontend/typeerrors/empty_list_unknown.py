# expect error: 3:5: cannot infer the element type of the list 'seen'; append to it or annotate it, e.g. seen: list[int] = []
def f(c, maxiter):
    seen = []
    return len(seen)
