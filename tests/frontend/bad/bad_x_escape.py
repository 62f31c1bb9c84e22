# expect error: 2:7: truncated \x escape: expected 2 hex digits
s = 'a\x4'
