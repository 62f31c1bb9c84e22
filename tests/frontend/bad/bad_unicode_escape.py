# expect error: 2:7: \N{...} escapes are not supported; use \u or \U
s = 'a\N{BULLET}'
