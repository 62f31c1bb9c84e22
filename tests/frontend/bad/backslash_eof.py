# expect error: 2:9: unexpected end of file after '\'
x = 1 + \