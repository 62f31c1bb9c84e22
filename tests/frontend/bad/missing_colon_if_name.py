# expect error: 2:6: expected ':' after 'if' condition, found 'y'
if x y:
    pass
