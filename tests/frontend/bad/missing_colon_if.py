# expect error: 2:10: expected ':' after 'if' condition, found end of line
if x == 1
    pass
