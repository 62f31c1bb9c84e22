# expect error: 2:5: integer literal 18446744073709551616 does not fit in 64 bits
x = 18446744073709551616
