# expect error: 2:7: invalid character '?' (U+003F)
x = a ? b : c
