# expect error: 2:2: '(' was never closed
f(a, b
x = 1
