print("this file never runs")
x = (1,
