# expect error: 2:5: invalid hexadecimal literal
x = 0xG1
