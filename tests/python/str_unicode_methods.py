s = "Ünïcödé Strîng"
print(s.lower(), s.upper(), len(s), s[::-1], s.encode("utf-8")[:6])
print("ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "ǈ".title())
print("ΣΑΣ".lower(), "ὈΔΥΣΣΕΎΣ".lower())
print("１２３".isdigit(), int("１２３"), "٣".isdecimal(), float("٣.٥"))
print("a\u0301" == "á", len("a\u0301"), "straße".casefold() == "STRASSE".casefold())
print(sorted(["é", "e", "f", "É"]), "é" > "f", max("aé"))
print("tab\there".expandtabs(), "x".join("日本語"), "日本語".find("語"), "日本語".encode("utf-16-be").hex())
