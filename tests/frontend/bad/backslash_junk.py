# expect error: 2:9: unexpected character after line continuation character '\'
x = 1 + \ 2
