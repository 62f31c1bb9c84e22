# expect error: 3:5: unterminated triple-quoted string literal (detected at line 5)
def f():
    """doc
    return 1
