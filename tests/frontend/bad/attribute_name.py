# expect error: 2:6: expected end of line after the statement, found '.1'
x = a.1
