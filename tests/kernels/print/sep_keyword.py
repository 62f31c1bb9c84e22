# print(..., sep=S, end=E) with constant strings: empty, several
# characters, '%', tabs and newlines in them; sep=None and end=None (the
# defaults), flush=True; values of every type, expressions evaluated
# before anything is printed, strings and %-formats among them.
def f(c, maxiter):
    z = 0j
    n = 0
    while n < maxiter and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    if n == 3 or n == maxiter and c.imag > 0.9:
        print(n, z.real, z, n > 2, None, "100%", sep=", ")
        print("a", "b", sep="", end="|\n")
        print(n, "%5.2f%%" % z.real, "%d-%d" % (n, n), sep="::", end=" <\n")
        print(sep="x")
        print(end="")
        print("x", end="%%")
        print(n, end=None, sep=None, flush=True)
        print(n * 2, abs(z) > 2.0, sep="\t", end="")
        print(n, end="\n\n", sep="")
        print(z * z, -n, sep=" | ", end=".\n", flush=False)
    return n
