# expect error: 2:13: expected ':' after dictionary key, found '}'
d = {1: 2, 3}
