# expect error: 3:11: file is not valid UTF-8 (byte 0xff); save it as UTF-8
x = 1
# comment ÿ
