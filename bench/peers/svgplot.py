"""svgplot.py - line charts as SVG text, with the standard library only.

    plot(path, title, xlabel, ylabel, series, logx=False, logy=False,
         integer_x=False)

series maps a name to a list of (x, y) points. Axes get ticks at powers
of ten (log scales) or at round steps (linear); each series is a polyline
with markers and a legend entry. Enough for bench/peers.sh's scaling
figures, readable in a browser or on GitHub.
"""

import math

WIDTH, HEIGHT = 640, 420
LEFT, RIGHT, TOP, BOTTOM = 70, 190, 40, 50
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
           "#8c564b", "#e377c2", "#7f7f7f"]


def _escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;"))


def _ticks(lo, hi, log, integer=False):
    """Tick positions covering [lo, hi] (whole numbers only if integer)."""
    if log:
        first, last = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
        ticks = []
        for e in range(first, last + 1):
            for m in (1, 2, 5):
                v = m * 10.0 ** e
                if lo <= v <= hi:
                    ticks.append(v)
        return ticks or [lo, hi]
    span = hi - lo or 1.0
    step = 10 ** math.floor(math.log10(span / 5))
    for m in (1, 2, 5, 10):
        if span / (step * m) <= 6:
            step *= m
            break
    if integer:
        step = max(step, 1)
    start = math.ceil(lo / step) * step
    return [start + i * step for i in range(int((hi - start) / step) + 1)]


def _label(v):
    if v == 0:
        return "0"
    if abs(v) >= 1000 or abs(v) < 0.01:
        return "%g" % v
    return ("%.3f" % v).rstrip("0").rstrip(".")


def _scale(lo, hi, log, a, b):
    """A function from data to pixels mapping [lo, hi] onto [a, b]."""
    if log:
        lo, hi = math.log10(lo), math.log10(hi)
    span = hi - lo or 1.0

    def f(v):
        v = math.log10(v) if log else v
        return a + (v - lo) / span * (b - a)
    return f


def _range(values, log):
    lo, hi = min(values), max(values)
    if log:
        return lo / 1.3, hi * 1.3
    pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
    return min(0.0, lo - pad) if lo >= 0 else lo - pad, hi + pad


def plot(path, title, xlabel, ylabel, series, logx=False, logy=False,
         integer_x=False):
    points = [p for pts in series.values() for p in pts]
    if not points:
        return
    x0, x1 = _range([p[0] for p in points], logx)
    y0, y1 = _range([p[1] for p in points], logy)
    sx = _scale(x0, x1, logx, LEFT, WIDTH - RIGHT)
    sy = _scale(y0, y1, logy, HEIGHT - BOTTOM, TOP)
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (WIDTH, HEIGHT),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="22" font-size="15">%s</text>'
           % (LEFT, _escape(title))]
    for v in _ticks(x0, x1, logx, integer_x):
        x = sx(v)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>'
                   % (x, TOP, x, HEIGHT - BOTTOM))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>'
                   % (x, HEIGHT - BOTTOM + 16, _label(v)))
    for v in _ticks(y0, y1, logy):
        y = sy(v)
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>'
                   % (LEFT, y, WIDTH - RIGHT, y))
        out.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>'
                   % (LEFT - 6, y + 4, _label(v)))
    out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" '
               'stroke="black"/>' % (LEFT, TOP, WIDTH - RIGHT - LEFT,
                                     HEIGHT - BOTTOM - TOP))
    out.append('<text x="%d" y="%d" text-anchor="middle">%s</text>'
               % ((LEFT + WIDTH - RIGHT) // 2, HEIGHT - 12,
                  _escape(xlabel + (" (log scale)" if logx else ""))))
    out.append('<text transform="translate(16,%d) rotate(-90)" '
               'text-anchor="middle">%s</text>'
               % ((TOP + HEIGHT - BOTTOM) // 2,
                  _escape(ylabel + (" (log scale)" if logy else ""))))
    for i, (name, pts) in enumerate(series.items()):
        colour = COLOURS[i % len(COLOURS)]
        pts = sorted(pts)
        coords = " ".join("%.1f,%.1f" % (sx(x), sy(y)) for x, y in pts)
        out.append('<polyline points="%s" fill="none" stroke="%s" '
                   'stroke-width="2"/>' % (coords, colour))
        for x, y in pts:
            out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>'
                       % (sx(x), sy(y), colour))
        ly = TOP + 10 + 20 * i
        out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" '
                   'stroke-width="2"/>' % (WIDTH - RIGHT + 12, ly,
                                           WIDTH - RIGHT + 32, ly, colour))
        out.append('<text x="%d" y="%d">%s</text>'
                   % (WIDTH - RIGHT + 38, ly + 4, _escape(name)))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
