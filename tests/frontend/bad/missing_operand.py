# expect error: 2:9: expected an expression, found '*'
x = 1 + * 2
