# expect error: 2:5: invalid character '“' (U+201C)
s = “hello”
