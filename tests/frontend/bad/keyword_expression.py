# expect error: 2:8: expression cannot contain assignment, perhaps you meant "=="?
f(a + 1=2)
