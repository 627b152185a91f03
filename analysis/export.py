"""The files of one figure: SVG, PNG and PDF made from one Vega SVG, with size, fonts and metadata.

Rules:

* **Size.** One Vega pixel is one CSS pixel, 1/96 in = 0.75 pt, as in a browser at 100 %.
  A figure ``W`` Vega pixels wide is written ``W × k`` pt wide, where ``k`` is 0.75 pt
  per pixel, or less when the figure is wider than its house width (it is then shrunk to
  fit; ``analysis.figures`` refuses a shrink that takes text under 7 pt). A font of F px
  therefore prints at ``F × k`` pt in every format.
* **SVG.** The root carries ``width``/``height`` in pt and ``viewBox`` in Vega pixels,
  ``role="img"``, an ``aria-label`` (the alt text) and, as its first children,
  ``<title>`` and ``<desc>`` (escaped). The text stays text (searchable, read aloud,
  editable) and the font it names, DejaVu Sans, is embedded as WOFF subsets (regular and
  bold, only the characters used) in an ``@font-face`` rule with a ``data:`` URI, so a
  browser without the font draws the same glyphs. The subsets come from the copy of
  DejaVu Sans that matplotlib ships (a pinned package), so they do not depend on the
  machine.
* **PNG.** resvg (through vl-convert) at 300 ppi, with the resolution in the file's
  ``pHYs`` chunk, so the PNG's physical size is the SVG's.
* **PDF.** svg2pdf (through vl-convert): vector, every font embedded as a TrueType subset.
  The file is then rewritten so it is byte-stable and described: svg2pdf lists the
  entries of resource dictionaries, and numbers font objects, in hash order, so each run
  of entries is sorted and the objects are renumbered in the order a walk from the
  catalogue reaches them; the document information holds Title, Subject (the description), Creator and Producer
  and no date; the catalogue gets ``/Lang`` and ``/DisplayDocTitle`` so viewers show the
  title. There is no ``/ID`` (nothing random) and no XMP packet.

Known limits: programs that ignore ``@font-face`` in SVG (some desktop editors) fall back
to a local sans-serif; the PDF is the file for them. PNG and PDF are drawn with the
DejaVu Sans that vl-convert finds first (the system's, else matplotlib's copy, registered
below), which may be a different release of the same font.
"""
from __future__ import annotations

import base64
import html
import io
import re
import struct
from functools import lru_cache
from pathlib import Path

PT_PER_PX = 0.75
PNG_PPI = 300
FONT_FAMILY = "DejaVu Sans"
FONT_FILES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}

ROOT_SVG = re.compile(r"<svg\b[^>]*>")
TEXT_ELEMENT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.S)
FONT_SIZE = re.compile(r'font-size="([0-9.]+)px"')


# ---------------------------------------------------------------- fonts

@lru_cache(maxsize=1)
def font_dir() -> Path:
    """matplotlib's bundled TrueType folder (holds DejaVu Sans), registered with vl-convert once."""
    import matplotlib
    import vl_convert as vlc

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    vlc.register_font_directory(str(folder))
    return folder


@lru_cache(maxsize=2)
def _font(weight: str):
    from fontTools.ttLib import TTFont

    return TTFont(font_dir() / FONT_FILES[weight], recalcTimestamp=False, lazy=True)


def text_width(text: str, size_px: float, *, bold: bool = False) -> float:
    """Width of ``text`` in DejaVu Sans at ``size_px``, from the font's advance widths (no kerning)."""
    font = _font("bold" if bold else "normal")
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    units = sum(metrics[cmap.get(ord(ch), ".notdef")][0] for ch in text)
    return units * size_px / font["head"].unitsPerEm


def wrap(text: str, width_px: float, size_px: float, *, bold: bool = False) -> list[str]:
    """Break ``text`` at spaces into lines no wider than ``width_px`` (a long word keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size_px, bold=bold) <= width_px:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _woff_subset(weight: str, characters: str) -> bytes:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["kern", "liga"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names and licence stay with the glyphs
    options.name_languages = [0x409]
    options.recalc_timestamp = False
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: not needed, and fontTools cannot subset it
    font = subset.load_font(str(font_dir() / FONT_FILES[weight]), options, lazy=True)  # reads only what it keeps
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    buffer = io.BytesIO()
    subset.save_font(font, buffer, options)
    return buffer.getvalue()


def font_face_css(svg: str) -> str:
    """@font-face rules embedding the characters each weight of the SVG's text uses."""
    used = {"normal": set(), "bold": set()}
    for attributes, content in TEXT_ELEMENT.findall(svg):
        weight = "bold" if re.search(r'font-weight="(bold|[6-9]00)"', attributes) else "normal"
        used[weight].update(html.unescape(re.sub(r"<[^>]+>", "", content)))
    rules = []
    for weight, characters in used.items():
        if not characters:
            continue
        data = base64.b64encode(_woff_subset(weight, "".join(sorted(characters | {" "})))).decode("ascii")
        rules.append(f'@font-face{{font-family:"{FONT_FAMILY}";font-weight:{"700" if weight == "bold" else "400"};'
                     f'font-style:normal;src:url(data:font/woff;base64,{data}) format("woff");}}')
    return "".join(rules)


# ---------------------------------------------------------------- SVG

def svg_size(svg: str) -> tuple[float, float]:
    """Width and height of a Vega SVG in Vega pixels (its viewBox, else its width and height)."""
    root = ROOT_SVG.search(svg)
    if root is None:
        raise ValueError("not an SVG document: no <svg> element")
    box = re.search(r'viewBox="([-0-9. ]+)"', root.group(0))
    if box:
        _, _, w, h = (float(v) for v in box.group(1).split())
        return w, h
    w, h = (re.search(fr'{a}="([0-9.]+)', root.group(0)) for a in ("width", "height"))
    return float(w.group(1)), float(h.group(1))


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _with_root(svg: str, attributes: dict[str, str]) -> str:
    """The SVG with these attributes set on its root element (others kept)."""
    root = ROOT_SVG.search(svg).group(0)
    new = root
    for name, value in attributes.items():
        pattern = re.compile(fr'\s{name}="[^"]*"')
        item = f' {name}="{html.escape(value, quote=True)}"'
        new = pattern.sub(lambda _: item, new, count=1) if pattern.search(new) else new[:-1] + item + ">"
    return svg.replace(root, new, 1)


def sized_for_rendering(svg: str, pt_per_px: float) -> str:
    """The SVG with a unitless width and height in pt, as resvg and svg2pdf read them (1 unit = 1 pt)."""
    w, h = svg_size(svg)
    return _with_root(svg, {"width": _number(w * pt_per_px), "height": _number(h * pt_per_px),
                            "viewBox": f"0 0 {_number(w)} {_number(h)}"})


def described_svg(svg: str, *, name: str, title: str, description: str, alt: str) -> str:
    """The SVG with ``role="img"``, the alt text as ``aria-label`` and ``<title>``/``<desc>`` first."""
    svg = _with_root(svg, {"role": "img", "aria-label": alt})
    root = ROOT_SVG.search(svg)
    head = (f'<title id="{name}-title">{html.escape(title, quote=False)}</title>'
            f'<desc id="{name}-desc">{html.escape(description, quote=False)}</desc>')
    return svg[:root.end()] + head + svg[root.end():]


def svg_document(svg: str, *, pt_per_px: float, name: str, title: str, description: str, alt: str) -> str:
    """The SVG file of a Vega SVG: physical size in pt, title, description, alt text, the font embedded."""
    w, h = svg_size(svg)
    svg = _with_root(svg, {"width": f"{_number(w * pt_per_px)}pt", "height": f"{_number(h * pt_per_px)}pt",
                           "viewBox": f"0 0 {_number(w)} {_number(h)}"})
    svg = described_svg(svg, name=name, title=title, description=description, alt=alt)
    desc_end = svg.index("</desc>") + len("</desc>")
    return svg[:desc_end] + f"<defs><style>{font_face_css(svg)}</style></defs>" + svg[desc_end:]


def smallest_text_pt(svg: str | Path) -> float | None:
    """The smallest font size in an SVG, in pt at the size the file states; None if it has no text."""
    if isinstance(svg, Path):
        svg = svg.read_text(encoding="utf-8")
    root = ROOT_SVG.search(svg).group(0)
    width = re.search(r'width="([0-9.]+)(pt|px|in)?"', root)
    w_px, _ = svg_size(svg)
    to_pt = {"pt": 1.0, "in": 72.0, "px": PT_PER_PX, None: PT_PER_PX}[width.group(2)]
    pt_per_unit = float(width.group(1)) * to_pt / w_px
    sizes = [float(s) for attributes, _ in TEXT_ELEMENT.findall(svg) for s in FONT_SIZE.findall(attributes)]
    return round(min(sizes) * pt_per_unit, 2) if sizes else None


def svg_metadata(svg: str | Path) -> dict[str, str]:
    """The title, description and alt text stored in an SVG written by ``svg_document``."""
    if isinstance(svg, Path):
        svg = svg.read_text(encoding="utf-8")
    root = ROOT_SVG.search(svg)
    after = svg[root.end():]
    title = re.match(r"<title\b[^>]*>(.*?)</title>", after, re.S)
    desc = re.match(r"<title\b[^>]*>.*?</title><desc\b[^>]*>(.*?)</desc>", after, re.S)
    alt = re.search(r'\saria-label="([^"]*)"', root.group(0))
    return {"title": html.unescape(title.group(1)) if title else "",
            "description": html.unescape(desc.group(1)) if desc else "",
            "alt": html.unescape(alt.group(1)) if alt else ""}


# ---------------------------------------------------------------- PNG

def png_bytes(svg_for_rendering: str) -> bytes:
    """A PNG at 300 ppi of an SVG sized by ``sized_for_rendering``."""
    import vl_convert as vlc

    font_dir()
    return vlc.svg_to_png(svg_for_rendering, ppi=PNG_PPI)


def png_info(path: Path) -> dict:
    """Pixel size and resolution (from pHYs) of a PNG file."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    ppi = None
    at = data.find(b"pHYs")
    if at > 0:
        x, _, unit = struct.unpack(">IIB", data[at + 4:at + 13])
        ppi = round(x * 0.0254, 1) if unit == 1 else None
    return {"width": width, "height": height, "ppi": ppi}


# ---------------------------------------------------------------- PDF

def pdf_text(value: str) -> bytes:
    """A PDF text string (UTF-16BE with byte-order mark, hex), safe for any characters."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _objects(pdf: bytes) -> tuple[bytes, list[tuple[int, bytes]], dict[str, int]]:
    """Split a PDF with one classic xref table into its header, objects (in file order) and trailer refs."""
    start = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf).group(1))
    table = re.match(rb"xref\n0 (\d+)\n", pdf[start:])
    if table is None:
        raise ValueError("the PDF has no classic cross-reference table; svg2pdf's output was expected")
    count, rows = int(table.group(1)), pdf[start + table.end():]
    offsets = {}
    for number in range(count):
        row = rows[number * 20:number * 20 + 20]
        if row[17:18] == b"n":
            offsets[number] = int(row[:10])
    ordered = sorted(offsets.items(), key=lambda item: item[1])
    ends = [offset for _, offset in ordered[1:]] + [start]
    objects = []
    for (number, offset), end in zip(ordered, ends):
        chunk = pdf[offset:end].rstrip()
        head = f"{number} 0 obj".encode()
        if not (chunk.startswith(head) and chunk.endswith(b"endobj")):
            raise ValueError(f"PDF object {number} is not where the cross-reference table says")
        objects.append((number, chunk[len(head):-len(b"endobj")].strip(b"\n")))
    trailer = pdf[start:]
    refs = {key: int(value) for key, value in re.findall(rb"/(Root|Info) (\d+) 0 R", trailer)}
    return pdf[:ordered[0][1]], objects, {k.decode(): v for k, v in refs.items()}


RESOURCE_ENTRY = re.compile(rb"^ +/([A-Za-z]+)(\d+) \d+ 0 R$")


def _sorted_entries(body: bytes) -> bytes:
    """The object with each run of ``/name N 0 R`` dictionary lines sorted (only before any stream)."""
    head, sep, stream = body.partition(b"\nstream\n")
    lines, out, run = head.split(b"\n"), [], []
    for line in [*lines, None]:
        match = RESOURCE_ENTRY.match(line) if line is not None else None
        if match:
            run.append((match.group(1), int(match.group(2)), line))
            continue
        out.extend(item[2] for item in sorted(run))
        run = []
        if line is not None:
            out.append(line)
    return b"\n".join(out) + sep + stream


REFERENCE = re.compile(rb"(?<![\d.])(\d+) 0 R\b")


def _renumbered(objects: dict[int, bytes], roots: list[int]) -> tuple[dict[int, bytes], dict[int, int]]:
    """Objects numbered in the order they are reached from ``roots``, references in dictionaries rewritten.

    svg2pdf numbers and writes some objects (fonts and what hangs from them) in hash order;
    numbering them by a walk in the (sorted) text order of their dictionaries makes the file
    the same on every run. Streams hold no object references and are kept as they are.
    """
    order, queue, seen = [], list(roots), set()
    while queue:
        number = queue.pop(0)
        if number in seen or number not in objects:
            continue
        seen.add(number)
        order.append(number)
        head = objects[number].partition(b"\nstream\n")[0]
        queue.extend(int(m.group(1)) for m in REFERENCE.finditer(head))
    order += sorted(set(objects) - seen)
    new = {old: index + 1 for index, old in enumerate(order)}
    out = {}
    for old in order:
        head, sep, stream = objects[old].partition(b"\nstream\n")
        out[new[old]] = REFERENCE.sub(lambda m: f"{new[int(m.group(1))]} 0 R".encode(), head) + sep + stream
    return out, new


def pdf_document(raw: bytes, *, title: str, subject: str, creator: str, producer: str) -> bytes:
    """svg2pdf's PDF made byte-stable and given its title, subject and language."""
    header, objects, refs = _objects(raw)
    info = (b"<<\n  /Title " + pdf_text(title) + b"\n  /Subject " + pdf_text(subject)
            + b"\n  /Creator " + pdf_text(creator) + b"\n  /Producer " + pdf_text(producer) + b"\n>>")
    bodies = {}
    for number, body in objects:
        if number == refs.get("Info"):
            body = info
        elif number == refs["Root"]:
            body = body.rstrip()[:-2].rstrip() + b"\n  /Lang (en)\n  /ViewerPreferences << /DisplayDocTitle true >>\n>>"
        bodies[number] = _sorted_entries(body)
    if "Info" not in refs:
        refs["Info"] = max(bodies) + 1
        bodies[refs["Info"]] = info
    bodies, new = _renumbered(bodies, [refs["Root"], refs["Info"]])
    out, offsets = bytearray(header), {}
    for number in sorted(bodies):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + bodies[number] + b"\nendobj\n\n"
    size = max(offsets) + 1
    xref_at = len(out)
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += (f"trailer\n<<\n  /Size {size}\n  /Root {new[refs['Root']]} 0 R\n  /Info {new[refs['Info']]} 0 R\n>>\n"
            f"startxref\n{xref_at}\n%%EOF\n").encode()
    return bytes(out)


def pdf_bytes(svg_for_rendering: str, *, title: str, subject: str) -> bytes:
    """The PDF of an SVG sized by ``sized_for_rendering``, fonts embedded, with its metadata."""
    from importlib.metadata import version

    import vl_convert as vlc

    font_dir()
    raw = vlc.svg_to_pdf(svg_for_rendering)
    return pdf_document(raw, title=title, subject=subject, creator="analysis.figures.save",
                        producer=f"vl-convert {version('vl-convert-python')} (svg2pdf)")


def pdf_info(path: Path) -> dict:
    """What a PDF written by ``pdf_document`` says of itself: page size, metadata and fonts."""
    data = path.read_bytes()
    _, objects, refs = _objects(data)
    bodies = dict(objects)

    def text(key: str) -> str | None:
        info = bodies.get(refs.get("Info"), b"")
        found = re.search(rb"/" + key.encode() + rb" <FEFF([0-9A-F]*)>", info)
        if found:
            return bytes.fromhex(found.group(1).decode()).decode("utf-16-be")
        literal = re.search(rb"/" + key.encode() + rb" \((.*?)(?<!\\)\)", info)  # matplotlib writes (text)
        return literal.group(1).decode("latin-1") if literal else None

    box = re.search(rb"/MediaBox \[([-0-9. ]+)\]", data)
    x0, y0, x1, y1 = (float(v) for v in box.group(1).split())
    fonts = sorted({m.decode() for m in re.findall(rb"/FontName /([A-Za-z0-9+_-]+)", data)})
    embedded = sorted({m.decode() for m in re.findall(rb"/(FontFile2?|FontFile3) \d+ 0 R", data)})
    return {"width_pt": x1 - x0, "height_pt": y1 - y0, "title": text("Title"), "subject": text("Subject"),
            "fonts": fonts, "font_files": embedded, "pages": len(re.findall(rb"/Type /Page\b", data)),
            "has_dates": bool(re.search(rb"/(CreationDate|ModDate)", data)),
            "lang": (re.search(rb"/Lang \(([^)]*)\)", data) or [None, b""])[1].decode()}

