#!/usr/bin/env python3
"""Generate the hostile and edge-case picture corpus for "insert your own picture".

    python3 tools/corpus/make_images.py

Writes every file into tests/corpus/images/ (and its README.md), overwriting the
files it owns and touching nothing else.

Everything is made with the standard library (zlib, struct, zipfile) except
ok.jpg / jpeg-named.png / truncated.jpg / ok.webp, which need Pillow
(`pip install pillow`).  The output is deterministic: the same Python/zlib (and,
for the four Pillow files, the same Pillow/libjpeg/libwebp) give the same bytes.
Another zlib build (e.g. zlib-ng) may compress to different bytes that decode
to the same pixels; the committed files are the reference.
"""

import base64
import io
import struct
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "corpus" / "images"

# The app's limits, mirrored here only to check the files land on the right side.
MAX_SIDE = 16_384
MAX_BYTES = 256 * 1024 * 1024  # width * height * 4

RED = (255, 0, 0, 255)
BLUE = (0, 0, 255, 255)
CLEAR = (0, 0, 0, 0)


# --------------------------------------------------------------------------- PNG


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def ihdr(width: int, height: int, depth: int, colour: int) -> bytes:
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0))


def png(width, height, depth, colour, rows, idat_piece=8192) -> bytes:
    """A PNG from an iterable of raw rows (filter byte already included)."""
    z = zlib.compressobj(9)
    stream = bytearray()
    for row in rows:
        stream += z.compress(row)
    stream += z.flush()
    out = bytearray(b"\x89PNG\r\n\x1a\n")
    out += ihdr(width, height, depth, colour)
    for i in range(0, len(stream), idat_piece):
        out += chunk(b"IDAT", bytes(stream[i : i + idat_piece]))
    out += chunk(b"IEND", b"")
    return bytes(out)


def ok_pixel(x: int, y: int):
    """ok.png: red/blue quarters, transparent 8x8 top-left corner."""
    if x < 8 and y < 8:
        return CLEAR
    left, top = x < 32, y < 24
    return RED if left == top else BLUE


def make_ok_png() -> bytes:
    rows = (b"\x00" + b"".join(bytes(ok_pixel(x, y)) for x in range(64)) for y in range(48))
    return png(64, 48, 8, 6, rows)


def make_tall_png() -> bytes:
    # 1 x 4000, 8-bit greyscale, a repeating ramp.
    return png(1, 4000, 8, 0, (bytes((0, y % 256)) for y in range(4000)))


def make_zero_rows_1bit(width: int, height: int) -> bytes:
    row = b"\x00" * (1 + (width + 7) // 8)
    return png(width, height, 1, 0, (row for _ in range(height)))


def make_huge_declared_png() -> bytes:
    # IHDR claims 100000 x 100000 RGBA (40 GB); the data is one tiny row.
    out = b"\x89PNG\r\n\x1a\n" + ihdr(100_000, 100_000, 8, 6)
    out += chunk(b"IDAT", zlib.compress(b"\x00" + b"\x00" * 4, 9))
    out += chunk(b"IEND", b"")
    return out


def make_bad_crc_png(ok: bytes) -> bytes:
    """ok.png with the last byte of its (only) IDAT flipped.

    That byte is the tail of the zlib Adler-32, so the deflate data still
    inflates to the right pixels: only the chunk CRC (and the Adler-32, which
    the Rust png crate ignores by default) are wrong.  A decoder that skips CRC
    checks would show the picture, which is exactly what this file catches.
    """
    data = bytearray(ok)
    pos = data.index(b"IDAT")
    length = struct.unpack(">I", data[pos - 4 : pos])[0]
    last = pos + 4 + length - 1
    data[last] ^= 0xFF
    return bytes(data)


def make_tiny_png() -> bytes:
    """4x4 opaque green, for the data: URL."""
    row = b"\x00" + bytes((0, 160, 0, 255)) * 4
    return png(4, 4, 8, 6, [row] * 4)


# --------------------------------------------------------------------------- GIF


def lzw_encode(indices, min_size: int) -> bytes:
    """GIF-flavoured variable-width LZW."""
    clear, eoi = 1 << min_size, (1 << min_size) + 1
    bits = bytearray()  # bytes packed LSB first
    acc = nacc = 0

    def emit(code, size):
        nonlocal acc, nacc
        acc |= code << nacc
        nacc += size
        while nacc >= 8:
            bits.append(acc & 0xFF)
            acc >>= 8
            nacc -= 8

    def reset():
        return {(i,): i for i in range(clear)}, eoi + 1, min_size + 1

    table, next_code, size = reset()
    emit(clear, size)
    w = ()
    for k in indices:
        wk = w + (k,)
        if wk in table:
            w = wk
            continue
        emit(table[w], size)
        if next_code == 4096:
            emit(clear, size)
            table, next_code, size = reset()
        else:
            if next_code == 1 << size:
                size += 1
            table[wk] = next_code
            next_code += 1
        w = (k,)
    if w:
        emit(table[w], size)
    emit(eoi, size)
    if nacc:
        bits.append(acc & 0xFF)
    return bytes(bits)


def sub_blocks(data: bytes) -> bytes:
    out = bytearray()
    for i in range(0, len(data), 255):
        piece = data[i : i + 255]
        out += bytes((len(piece),)) + piece
    return bytes(out) + b"\x00"


def make_animated_gif() -> bytes:
    w = h = 32
    palette = bytes((255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0))  # red, green, blue, black
    out = bytearray(b"GIF89a")
    out += struct.pack("<HHBBB", w, h, 0x91, 3, 0)  # global table of 4 colours
    out += palette
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"  # loop forever
    for colour in (0, 1, 2):  # red, green, blue
        out += b"\x21\xf9\x04\x04" + struct.pack("<H", 50) + b"\x00\x00"  # 0.5 s, keep
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, w, h, 0)
        out += b"\x02" + sub_blocks(lzw_encode([colour] * (w * h), 2))
    out += b"\x3b"
    return bytes(out)


# --------------------------------------------------------------------- JPEG / WebP


def pillow_files():
    try:
        from PIL import Image
    except ImportError:
        sys.exit("make_images.py: ok.jpg and ok.webp need Pillow: pip install pillow")

    # ok.jpg: quarters with a diagonal ramp and a checker so the scan data is
    # well past the headers (truncated.jpg must cut inside the scan).
    img = Image.new("RGB", (64, 48))
    px = img.load()
    for y in range(48):
        for x in range(64):
            r, g, b, _ = ok_pixel(x, y) if not (x < 8 and y < 8) else (255, 255, 255, 255)
            shade = ((x + y) * 3) % 64
            if (x // 4 + y // 4) % 2:
                shade += 40
            px[x, y] = (max(0, r - shade), min(255, g + shade // 2), max(0, b - shade))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, subsampling=0, optimize=False, progressive=False)
    jpg = buf.getvalue()

    rgba = Image.new("RGBA", (64, 48))
    rgba.putdata([ok_pixel(x, y) for y in range(48) for x in range(64)])
    buf = io.BytesIO()
    rgba.save(buf, "WEBP", lossless=True, quality=100, method=6, exact=True)
    webp = buf.getvalue()
    return jpg, webp


# --------------------------------------------------------------------------- ZIP


def make_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        info = zipfile.ZipInfo("readme.txt", date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        info.create_system = 3
        z.writestr(info, "This is a ZIP archive, not a picture.\n")
    return buf.getvalue()


# --------------------------------------------------------------------------- SVG

SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK_NS = 'xmlns:xlink="http://www.w3.org/1999/xlink"'

OK_SVG = f"""<svg {SVG_NS} width="200" height="100" viewBox="0 0 200 100">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#1e3a8a"/>
      <stop offset="1" stop-color="#38bdf8"/>
    </linearGradient>
  </defs>
  <rect width="200" height="100" fill="url(#g)"/>
  <circle id="sun" cx="50" cy="50" r="30" fill="#facc15"/>
  <path d="M120 80 L150 20 L180 80 Z" fill="#16a34a" stroke="#000" stroke-width="2"/>
</svg>
"""


def with_data_image_svg(tiny_png: bytes) -> str:
    b64 = base64.b64encode(tiny_png).decode()
    return f"""<svg {SVG_NS} width="100" height="100" viewBox="0 0 100 100">
  <!-- An embedded 4x4 green PNG: embedded data is allowed and must draw. -->
  <image x="10" y="10" width="80" height="80" image-rendering="optimizeSpeed"
         href="data:image/png;base64,{b64}"/>
</svg>
"""


# Layout of the "outside reference" SVGs: the left half (x 0-100) is a red rect
# that must draw; every outside reference would land in the right half
# (x 100-200), which must stay fully transparent.
SVG_FILE_IMAGE = f"""<svg {SVG_NS} {XLINK_NS} width="200" height="100" viewBox="0 0 200 100">
  <rect x="0" y="0" width="100" height="100" fill="#ff0000"/>
  <!-- None of these may be read.  ok.png sits next to this file, so a loader
       that resolves relative paths would visibly draw it in the right half. -->
  <image x="100" y="0" width="100" height="100" href="/etc/passwd"/>
  <image x="100" y="0" width="100" height="100" href="file:///etc/hostname"/>
  <image x="100" y="0" width="100" height="100" href="ok.png"/>
  <image x="100" y="0" width="100" height="100" xlink:href="../../../README.md"/>
</svg>
"""

SVG_URL_IMAGE = f"""<svg {SVG_NS} {XLINK_NS} width="200" height="100" viewBox="0 0 200 100">
  <rect x="0" y="0" width="100" height="100" fill="#ff0000"/>
  <image x="100" y="0" width="100" height="100" href="http://example.com/x.png"/>
  <image x="100" y="0" width="100" height="100" xlink:href="https://example.com/y.png"/>
</svg>
"""

SVG_EXTERNAL_FONT = f"""<svg {SVG_NS} width="200" height="100" viewBox="0 0 200 100">
  <style>
    @font-face {{ font-family: X; src: url(/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf) }}
    @font-face {{ font-family: Y; src: url(file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf) format("truetype") }}
    @font-face {{ font-family: Z; src: url(http://example.com/z.woff2) format("woff2") }}
  </style>
  <rect x="0" y="0" width="100" height="100" fill="#ff0000"/>
  <text x="110" y="40" font-family="X" font-size="30">Hej</text>
  <text x="110" y="90" font-family="Y, Z" font-size="30">Hej</text>
</svg>
"""

SVG_EXTERNAL_USE = f"""<svg {SVG_NS} {XLINK_NS} width="200" height="100" viewBox="0 0 200 100">
  <style>
    @import url(http://example.com/a.css);
    @import "ok.css";
  </style>
  <rect x="0" y="0" width="100" height="100" fill="#ff0000"/>
  <!-- other.svg does not exist; ok.svg does, and its #sun circle would land at
       (150, 50) in the right half if it were (wrongly) fetched. -->
  <use href="other.svg#a" x="100"/>
  <use href="ok.svg#sun" x="100"/>
  <use xlink:href="file:///etc/passwd#a" x="100"/>
</svg>
"""


def entity_bomb_svg() -> str:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE svg [", '  <!ENTITY lol0 "lol">']
    for i in range(1, 10):
        lines.append(f'  <!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    lines.append("]>")
    lines.append(f'<svg {SVG_NS} width="100" height="100">')
    lines.append('  <text x="0" y="50">&lol9;</text>')  # 10^9 x "lol" = 3 GB
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


SVG_HUGE_SIZE = f"""<svg {SVG_NS} width="1000000" height="1000000" viewBox="0 0 10 10">
  <rect x="0" y="0" width="10" height="10" fill="#ff0000"/>
</svg>
"""


def deep_nesting_svg(depth=5000) -> str:
    return (
        f'<svg {SVG_NS} width="100" height="100" viewBox="0 0 100 100">\n'
        + "<g>" * depth
        + '<rect x="25" y="25" width="50" height="50" fill="#00a000"/>'
        + "</g>" * depth
        + "\n</svg>\n"
    )


def not_xml_svg() -> bytes:
    # "<svg" then 256 fixed garbage bytes (NULs, invalid UTF-8, stray '<', ...).
    return b"<svg" + bytes((i * 73 + 41) & 0xFF for i in range(256))


SVG_ZERO_SIZE = f"""<svg {SVG_NS} width="0" height="0">
  <rect x="0" y="0" width="10" height="10" fill="#ff0000"/>
</svg>
"""


# ------------------------------------------------------------------------ catalogue

LOADS = "loads"
RED_FIRST = "loads, first frame red"
TOO_LARGE = "refused: too large"
NOT_PICTURE = "refused: not a picture"
DAMAGED = "refused: damaged"
SAFE = "draws, without the outside reference"


def build():
    ok = make_ok_png()
    jpg, webp = pillow_files()
    files = [
        # name, bytes, what it is, expected outcome
        ("ok.png", ok, "64×48 RGBA PNG: red top-left and bottom-right quarters, blue the others; "
         "the top-left 8×8 corner is fully transparent.", LOADS),
        ("ok.jpg", jpg, "64×48 baseline JPEG (4:4:4, quality 90) of the same quarters with a ramp "
         "and checker; top-left corner white.", LOADS),
        ("ok.webp", webp, "64×48 lossless WebP, same pixels as ok.png (transparent corner kept).", LOADS),
        ("animated.gif", make_animated_gif(), "32×32 GIF, 3 frames looping: all red, all green, "
         "all blue. Only the first frame should be shown.", RED_FIRST),
        ("ok.svg", OK_SVG.encode(), "200×100 self-contained SVG: a rect filled with a "
         "linearGradient via url(#g), a yellow circle (id \"sun\") and a green triangle path.", LOADS),
        ("jpeg-named.png", jpg, "The bytes of ok.jpg under a .png name. Must be recognised by its "
         "content, not its name.", LOADS),
        ("tall.png", make_tall_png(), "1×4000 8-bit greyscale PNG: thin but well inside the limits.", LOADS),
        ("side-at-limit.png", make_zero_rows_1bit(MAX_SIDE, 1), "Extra: 16384×1 1-bit greyscale "
         "PNG, exactly at the side limit (not over it).", LOADS),
        ("with-data-image.svg", with_data_image_svg(make_tiny_png()).encode(), "100×100 SVG with an "
         "`<image>` whose href is a `data:image/png;base64` URL of a 4×4 green PNG. Embedded data is "
         "allowed: the green square must draw.", LOADS),
        ("huge-declared.png", make_huge_declared_png(), "PNG whose header (valid CRC) says "
         "100000×100000 RGBA, followed by a tiny IDAT. Must be refused from the header alone, "
         "without trying to allocate.", TOO_LARGE),
        ("side-too-big.png", make_zero_rows_1bit(20_000, 1), "A real, valid 20000×1 1-bit "
         "greyscale PNG: tiny on disk, but wider than 16384 px.", TOO_LARGE),
        ("bomb.png", make_zero_rows_1bit(16_000, 16_000), "Decompression bomb: a valid 16000×16000 "
         "1-bit greyscale PNG of zeros (zlib level 9, IDAT in 8 KB pieces). Each side is under "
         "the limit, but as RGBA it is 1,024,000,000 bytes (≈977 MB), far over 256 MB. "
         "Must be refused from the header, before inflating.", TOO_LARGE),
        ("just-over-limit.png", make_zero_rows_1bit(8193, 8192), "Extra: valid 8193×8192 1-bit "
         "greyscale PNG: 268,468,224 bytes as RGBA, 32 KB over the 256 MB (268,435,456) limit.",
         TOO_LARGE),
        ("truncated.png", ok[: len(ok) // 2], "The first half of ok.png: ends inside the IDAT, "
         "no IEND.", DAMAGED),
        ("truncated.jpg", jpg[: len(jpg) * 6 // 10], "The first 60% of ok.jpg: the headers are "
         "whole, the scan data stops partway, no EOI marker. (Rust JPEG decoders tend to pad a "
         "short scan with grey and succeed; the app must notice.)", DAMAGED),
        ("bad-crc.png", make_bad_crc_png(ok), "ok.png with the last IDAT byte flipped: the chunk "
         "CRC (and the zlib Adler-32) are wrong, though the data still inflates.", DAMAGED),
        ("zip-named.png", make_zip(), "A real ZIP archive (one stored text file) named .png.",
         NOT_PICTURE),
        ("text-named.jpg", b"This is a plain text file, not a JPEG.\nHej!\n", "A plain text "
         "file named .jpg.", NOT_PICTURE),
        ("empty.png", b"", "Zero bytes.", NOT_PICTURE),
        ("svg-file-image.svg", SVG_FILE_IMAGE.encode(), "200×100 SVG, red rect on the left half. "
         "`<image>` elements point at `/etc/passwd`, `file:///etc/hostname`, the sibling `ok.png` and "
         "(`xlink:href`) `../../../README.md`, all placed in the right half, which must stay "
         "transparent.", SAFE),
        ("svg-url-image.svg", SVG_URL_IMAGE.encode(), "Same layout; `<image href=\"http://…\">` and "
         "`<image xlink:href=\"https://…\">`. No network access may happen.", SAFE),
        ("svg-external-font.svg", SVG_EXTERNAL_FONT.encode(), "Same layout; a `<style>` with "
         "`@font-face` rules whose src is a local path, a file:// URL and an http URL, and `<text>` "
         "using them. The fonts must not be loaded (text may use a built-in font or not draw).",
         SAFE),
        ("svg-external-use.svg", SVG_EXTERNAL_USE.encode(), "Same layout; `<use>` pointing at "
         "`other.svg#a`, the sibling `ok.svg#sun` and `file:///etc/passwd#a`, and CSS `@import` of an "
         "http URL and a relative file. Nothing outside may be fetched; the right half stays "
         "transparent.", SAFE),
        ("svg-entity-bomb.svg", entity_bomb_svg().encode(), "Billion laughs: a DOCTYPE with 10 "
         "nested entities, each 10× the previous (10^9 × \"lol\", ≈3 GB if expanded). Must be "
         "refused quickly without expanding.", DAMAGED),
        ("svg-huge-size.svg", SVG_HUGE_SIZE.encode(), "`width`/`height` 1000000 with a 10×10 viewBox "
         "and one red rect. Must be refused, or drawn at a bounded size (never a 10^12-pixel "
         "buffer).", f"{TOO_LARGE} (or drawn at a bounded size)"),
        ("svg-deep-nesting.svg", deep_nesting_svg().encode(), "5000 nested `<g>` elements around one "
         "green rect. Must not overflow the stack.", f"{DAMAGED} (or draws the green square); "
         "never crashes"),
        ("svg-not-xml.svg", not_xml_svg(), "The text `<svg` followed by 256 garbage bytes "
         "(NULs, invalid UTF-8).", NOT_PICTURE),
        ("svg-zero-size.svg", SVG_ZERO_SIZE.encode(), "`width=\"0\" height=\"0\"` (one rect inside): "
         "nothing to show.", DAMAGED),
    ]
    return files


README_HEAD = """# Picture corpus

Hostile and edge-case picture files for "insert your own picture" (PNG, JPEG,
WebP, GIF first frame, SVG). Generated — do not edit by hand:

    python3 tools/corpus/make_images.py

(Pillow is needed for the JPEG and WebP files: `pip install pillow`.)

The rules these files test: refuse, with a clear message, pictures over
16,384 px on a side or over 256 MB as RGBA (width × height × 4 bytes);
refuse truncated or lying files (the format is taken from the content, so a
JPEG named `.png` is fine, but a ZIP named `.png` is not a picture); an SVG
never loads a file, URL or font it refers to (embedded `data:` pictures are
fine); nothing ever panics.

In the "outside reference" SVGs the left half (x 0–100 of 200) is a red
rectangle that must draw, and every outside reference would land in the
right half, which must stay fully transparent. `ok.png` and `ok.svg` sit
next to them, so a loader that resolves relative paths would visibly draw
something there.

| File | Size (bytes) | What it is | Expected |
|---|---:|---|---|
"""

README_TAIL = """
The SVGs that point outside themselves are refused when put on the canvas
("refers to files or web addresses outside itself"); a canvas file that
holds one anyway draws it as described above.

## Found by the fuzzer

Not made by this script: inputs `cargo +nightly fuzz run picture` found, kept
so that they stay fixed (`fuzz_targets/picture.rs`; each is read by
`every_file_of_the_corpus_is_read_or_refused_never_a_panic`).

| File | What it found |
|---|---|
| `fuzz-damaged-data-png.svg` | An SVG whose `data:` PNG (under a mistyped MIME) has no readable size: the budget's sum of width × height × 4 overflowed (a panic in debug builds). |
"""


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    files = build()
    rows = []
    for name, data, what, outcome in files:
        (OUT / name).write_bytes(data)
        rows.append(f"| `{name}` | {len(data):,} | {what} | {outcome} |")
        print(f"{len(data):>8}  {name}")
    (OUT / "README.md").write_text(
        README_HEAD + "\n".join(rows) + "\n" + README_TAIL, encoding="utf-8"
    )


if __name__ == "__main__":
    main()
