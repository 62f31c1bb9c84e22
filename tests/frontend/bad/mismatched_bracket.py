# expect error: 2:10: closing ')' does not match opening '['
x = [1, 2)
