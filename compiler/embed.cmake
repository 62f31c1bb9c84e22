# Writes the file IN as a C string constant NAME into OUT.
file(READ ${IN} text)
string(REPLACE "\\" "\\\\" text "${text}")
string(REPLACE "\"" "\\\"" text "${text}")
string(REPLACE "\n" "\\n\"\n\"" text "${text}")
file(WRITE ${OUT} "// generated from ${IN}\nconst char ${NAME}[] =\n\"${text}\";\n")
