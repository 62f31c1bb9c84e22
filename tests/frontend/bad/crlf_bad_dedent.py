# expect error: 4:3: unindent does not match any outer indentation level
if x:
    a = 1
  b = 2
