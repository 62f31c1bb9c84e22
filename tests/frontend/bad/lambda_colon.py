# expect error: 2:14: expected ':' after lambda parameters, found 'x'
f = lambda x x
