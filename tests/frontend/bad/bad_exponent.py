# expect error: 2:5: invalid decimal literal
x = 1e+
