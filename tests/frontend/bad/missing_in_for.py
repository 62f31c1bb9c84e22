# expect error: 2:7: expected 'in' after the 'for' target, found 'range'
for i range(3):
    pass
