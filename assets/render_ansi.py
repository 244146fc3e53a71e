#!/usr/bin/env python3
"""Renders a terminal screen, captured with `tmux capture-pane -e -p`, to a PNG.

usage: render_ansi.py COLS ROWS OUT.png < capture.ansi

The capture is replayed through pyte (a VT100 emulator), so what is drawn is
exactly what the terminal held: characters, bold, underline, reverse video and
colours. Wide characters take two cells, as in the terminal. Needs pyte and
Pillow (assets/screenshot.sh installs them in a throwaway virtualenv).
"""

import sys

import pyte
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SIZE = 16
BG = (24, 24, 28)
FG = (220, 220, 220)

# The 16 ANSI colours, as a dark terminal shows them.
NAMED = {
    "black": (0, 0, 0),
    "red": (205, 49, 49),
    "green": (13, 188, 121),
    "brown": (229, 229, 16),
    "yellow": (229, 229, 16),
    "blue": (36, 114, 200),
    "magenta": (188, 63, 188),
    "cyan": (17, 168, 205),
    "white": (229, 229, 229),
    "brightblack": (102, 102, 102),
    "brightred": (241, 76, 76),
    "brightgreen": (35, 209, 139),
    "brightyellow": (245, 245, 67),
    "brightblue": (59, 142, 234),
    "brightmagenta": (214, 112, 214),
    "brightcyan": (41, 184, 219),
    "brightwhite": (255, 255, 255),
}


def colour(value, default):
    if value == "default":
        return default
    if value in NAMED:
        return NAMED[value]
    if len(value) == 6:
        try:
            return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            pass
    return default


def main():
    cols, rows, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    screen = pyte.Screen(cols, rows)
    stream = pyte.Stream(screen)
    text = sys.stdin.read()
    # capture-pane ends lines with a bare newline; the emulator needs CR LF.
    stream.feed(text.replace("\n", "\r\n").rstrip("\r\n"))

    regular = ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", SIZE)
    bold = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", SIZE)
    italic = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Oblique.ttf", SIZE)
    cell_w = round(regular.getlength("M"))
    ascent, descent = regular.getmetrics()
    cell_h = ascent + descent + 2
    pad = 12
    img = Image.new("RGB", (cols * cell_w + 2 * pad, rows * cell_h + 2 * pad), BG)
    draw = ImageDraw.Draw(img)

    for y in range(rows):
        line = screen.buffer[y]
        for x in range(cols):
            ch = line[x]
            fg = colour(ch.fg, FG)
            bg = colour(ch.bg, BG)
            if ch.reverse:
                fg, bg = bg, fg
            px, py = pad + x * cell_w, pad + y * cell_h
            draw.rectangle([px, py, px + cell_w - 1, py + cell_h - 1], fill=bg)
            if ch.data and ch.data != " ":
                font = bold if ch.bold else italic if ch.italics else regular
                draw.text((px, py + 1), ch.data, font=font, fill=fg)
            if ch.underscore:
                uy = py + ascent + 2
                draw.line([px, uy, px + cell_w - 1, uy], fill=fg)
    img.save(out, optimize=True)


if __name__ == "__main__":
    main()
