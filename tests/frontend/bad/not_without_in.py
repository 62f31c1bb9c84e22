# expect error: 2:7: expected end of line after the statement, found 'not'
x = a not b
