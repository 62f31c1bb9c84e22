# expect error: 2:7: 'print >>file, ...' is not supported; use print(..., file=f)
print >>f, x
