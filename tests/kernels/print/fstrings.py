# f-strings and str.format() with constant format strings, and str()/
# repr() of numbers, in print: fields of every type, format specs of ints
# and floats (width, alignment, sign, '0', '#', precision, the types d o x
# X e f F g G), self-documenting fields, !r, {{ }}, automatic and numbered
# fields of str.format() (one twice), sep= and end= beside them.
def f(c, maxiter):
    z = 0j
    n = 0
    while n < maxiter and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    if n == 3:
        print(f"n={n} z={z} |z|={abs(z):8.3f} {z.real:+.2e} {n:05d} {n:#x}")
        print(f"{n=} {z.imag=:.3g} {n > 2} {n!r:>4} {{x}} {abs(z):<10}|")
        print("{} and {:.4f}".format(n, z.real), "{0}{0}".format(n * 2), str(z), repr(z.real))
        print(f"{n:>6}|{n:<6}|{-n:0=8}|{z.real:G}|{z.real * 1e20:g}", sep="")
        print(f"{n:o} {n:#o} {n:X} {z.real:10.2F} {n:.1f} {True:3} {n > 2}")
        print("{1}-{0}".format(n, abs(z)), f'{"lit"}', end="!\n")
    return n
