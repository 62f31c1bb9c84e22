# expect error: 5:1: expected an indented block after 'else' on line 4
if x:
    pass
else:
pass
