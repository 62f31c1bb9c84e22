# expect error: 2:5: cannot mix bytes and nonbytes literals
s = b'a' 'b'
