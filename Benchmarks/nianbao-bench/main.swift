import NianbaoCore
print("nianbao-bench: no benchmarks yet")
