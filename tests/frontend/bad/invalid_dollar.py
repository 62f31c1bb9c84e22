# expect error: 2:5: invalid character '$' (U+0024)
x = $y
