# expect error: 2:9: file is not valid UTF-8 (byte 0xe9); save it as UTF-8
s = 'café'
