# list comprehensions over range and over lists, with if clauses.
def f(c, maxiter):
    n = int(abs(c.real) * 4) + 1
    sq = [i * i for i in range(n)]
    ev = [v for v in sq if v % 2 == 0]
    fl = [c.real * k for k in range(3)]
    pos = [x for x in fl if x > 0.0]
    nest = [a * b for a in range(n) for b in range(3) if a != b]
    return sum(sq) + len(ev) * 100 + int(sum(fl) * 10) + len(pos) + sum(nest)
