# fuzz_compile: LLVM lowering leaked its alloca IRBuilder when a diagnostic
# (here: break outside a loop) longjmped out of the function it was building
def calculate_z(q, maxiter, z):
    output = [0] * len(q)
    break
    return output
