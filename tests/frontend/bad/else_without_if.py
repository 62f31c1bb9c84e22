# expect error: 3:1: expected an expression, found 'else'
x = 1
else:
    pass
