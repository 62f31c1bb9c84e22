# expect error: 3:1: expected an indented block after 'def' on line 2
def f():
return 1
