# lists of lists: rows share nothing unless assigned to share.
def f(c, maxiter):
    rows = []
    for j in range(3):
        rows.append([j] * 3)
    rows[1][2] = int(c.real * 10)
    same = rows[0]
    same[0] = 5
    return rows[0][0] * 100 + rows[1][2] + rows[2][1] * 10 + len(rows)
