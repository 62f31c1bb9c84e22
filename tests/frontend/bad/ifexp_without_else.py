# expect error: 2:11: expected 'else' in conditional expression, found end of line
x = a if b
