x = 5
print("warnings are issued at compile time, before this line runs")
print(x is 5)
