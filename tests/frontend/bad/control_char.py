# expect error: 2:5: invalid non-printable character U+0007
x = 
