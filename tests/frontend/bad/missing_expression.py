# expect error: 2:5: expected an expression, found end of line
x = 
