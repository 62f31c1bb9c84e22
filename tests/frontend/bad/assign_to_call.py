# expect error: 2:1: cannot assign to function call
f(x) = 1
