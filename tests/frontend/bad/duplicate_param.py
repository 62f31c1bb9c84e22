# expect error: 2:10: duplicate argument 'q' in function definition
def f(q, q):
    pass
