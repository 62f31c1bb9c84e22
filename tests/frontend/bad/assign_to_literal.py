# expect error: 2:1: cannot assign to literal
1 = x
