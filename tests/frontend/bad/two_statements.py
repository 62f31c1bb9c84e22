# expect error: 2:7: expected end of line after the statement, found 'y'
x = 1 y = 2
