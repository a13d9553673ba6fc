#!/usr/bin/python3
"""Draws the alert icons of alerts.sld: a rounded square in the alert type's colour with one Chinese character in
white (Noto Sans CJK). Run with Debian's python3 (PIL) after installing fonts-noto-cjk; the PNGs are committed."""
import os
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
ICONS = {"fire_smoke": ("火", "#D7263D"), "excavator": ("挖", "#F18F01"), "farmland_damage": ("耕", "#C48A00"),
         "grazing": ("牧", "#5C9E31"), "straw_burning": ("烧", "#8E2C1F"), "dust": ("尘", "#9C7E55"),
         "dumping": ("倒", "#6B4E71"), "landslide": ("滑", "#5B3A29")}
here = os.path.dirname(os.path.abspath(__file__))
font = ImageFont.truetype(FONT, 30)
for name, (glyph, colour) in ICONS.items():
    image = Image.new("RGBA", (48, 48), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((2, 2, 45, 45), radius=9, fill=colour, outline="#FFFFFF", width=3)
    draw.text((24, 23), glyph, font=font, fill="#FFFFFF", anchor="mm")
    image.save(os.path.join(here, name + ".png"), optimize=True)
