# expect error: 3:1: expected 'def' or 'class' after the decorators, found 'x'
@dec
x = 1
