# pyexpat and _elementtree from CPython's lib-dynload: parsing, iterparse, tostring,
# minidom, plistlib, expat errors and handlers.
import io
import plistlib
import pyexpat
import xml.dom.minidom
import xml.etree.ElementTree as ET
from xml.parsers import expat

import _elementtree
print(ET.Element is _elementtree.Element, ET.XMLParser is _elementtree.XMLParser, pyexpat.EXPAT_VERSION.split("_")[0])
doc = """<?xml version="1.0"?>
<root xmlns:h="http://example.org/h" a="1">
  <item id="x" h:kind="k">first &amp; <b>bold</b> tail</item>
  <item id="y"/>
  <!-- comment -->
  <h:other>text</h:other>
</root>"""
root = ET.fromstring(doc)
print(root.tag, root.attrib, len(root), [c.tag for c in root])
item = root.find("item")
print(item.text, item[0].text, repr(item[0].tail), item.get("{http://example.org/h}kind"))
print([e.get("id") for e in root.iter("item")], root.findtext("{http://example.org/h}other"))
print(ET.tostring(item, encoding="unicode"))
new = ET.SubElement(root, "added", n="3")
new.text = "<&>"
print(ET.tostring(new))
tree = ET.ElementTree(root)
buf = io.BytesIO()
tree.write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue()[:60])
events = [(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(doc.encode()), events=("start", "end"))]
print(events[:4], len(events))
pull = ET.XMLPullParser(events=("end",))
pull.feed("<a><b>1</b>")
pull.feed("<c/></a>")
print([el.tag for ev, el in pull.read_events()])
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as e:
    print("ParseError", e, e.position, e.code)
print(ET.canonicalize("<a b='2' a='1'><c/></a>"))
indented = ET.fromstring("<r><s><t/></s></r>")
ET.indent(indented)
print(ET.tostring(indented, encoding="unicode"))

dom = xml.dom.minidom.parseString(doc)
print(dom.documentElement.tagName, [n.getAttribute("id") for n in dom.getElementsByTagName("item")])
print(dom.getElementsByTagName("b")[0].firstChild.data)
print(dom.toprettyxml(indent=" ")[:80].replace("\n", "|"))

data = {"name": "ferropy", "n": [1, 2.5, True], "blob": b"\x00\x01", "nested": {"k": None or "v"}}
for fmt in (plistlib.FMT_XML, plistlib.FMT_BINARY):
    raw = plistlib.dumps(data, fmt=fmt)
    print(fmt, len(raw) > 50, plistlib.loads(raw) == data)

seen = []
p = expat.ParserCreate(namespace_separator="|")
p.StartElementHandler = lambda name, attrs: seen.append(("start", name, attrs))
p.EndElementHandler = lambda name: seen.append(("end", name))
p.CharacterDataHandler = lambda data: seen.append(("data", data))
p.Parse(b"<x xmlns='urn:a' k='v'>hi<y/></x>", True)
print(seen)
print(p.CurrentLineNumber, p.ErrorCode, expat.ErrorString(expat.errors.codes[expat.errors.XML_ERROR_SYNTAX]))
q = expat.ParserCreate()
try:
    q.Parse(b"<a>&bogus;</a>", True)
except expat.ExpatError as e:
    print("ExpatError", e, e.lineno, e.offset)
r = expat.ParserCreate()
def boom(name, attrs):
    raise KeyError(name)
r.StartElementHandler = boom
try:
    r.Parse(b"<z/>", True)
except KeyError as e:
    import traceback
    print("handler error", e, traceback.extract_tb(e.__traceback__)[-2].name)
