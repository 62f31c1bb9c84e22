# Writes the bytes of the file IN as a C array NAME (and NAME_size) into OUT.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" digits)
math(EXPR bytes "${digits} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
# 16 bytes a line
string(REGEX REPLACE "((0x..,){16})" "\\1\n" hex "${hex}")
file(WRITE ${OUT} "// generated from ${IN}\n#include <stddef.h>\n"
     "const unsigned char ${NAME}[] = {\n${hex}\n};\n"
     "const size_t ${NAME}_size = ${bytes};\n")
