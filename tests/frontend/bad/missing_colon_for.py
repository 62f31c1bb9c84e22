# expect error: 2:18: expected ':' after 'for' header, found end of line
for i in range(3)
    pass
