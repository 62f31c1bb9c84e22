// pymath.h - placeholder
