# expect error: 2:4: invalid non-printable character U+00A0
x = 1
