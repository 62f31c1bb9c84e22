# expect error: 2:5: invalid binary literal
x = 0b102
