"""Test PDFs written with reportlab: two columns drawn right column first, hyphenated line
ends, ligature glyphs (DejaVu Serif has ﬁ and ﬂ), a running header and a page footer; an
image-only PDF; a PDF with an outline."""

from __future__ import annotations

from pathlib import Path

FONTS = Path("/usr/share/fonts/truetype/dejavu")
PAGE = (595.0, 842.0)


def _fonts() -> tuple[str, str]:
    """A serif and a bold serif: DejaVu when installed (it has the ligature glyphs), else
    reportlab's own Times (the ligature code points are then drawn as missing glyphs, but
    still written in the text layer)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = FONTS / "DejaVuSerif.ttf", FONTS / "DejaVuSerif-Bold.ttf"
    if regular.is_file() and bold.is_file():
        pdfmetrics.registerFont(TTFont("TestSerif", str(regular)))
        pdfmetrics.registerFont(TTFont("TestSerif-Bold", str(bold)))
        return "TestSerif", "TestSerif-Bold"
    return "Times-Roman", "Times-Bold"


# Each column: its lines as typeset (a line-end hyphen where a word is cut).
LEFT_1 = [
    "Le conseil municipal a voté hier",
    "soir un budget exception-",
    "nel pour la rénovation des",
    "écoles. Le porte-",
    "parole de la mairie a conﬁrmé",
    "la nouvelle.",
    "    Les travaux commenceront au",
    "printemps, aﬁn de ne pas gêner",
    "les élèves.",
]
RIGHT_1 = [
    "Les parents d'élèves ont salué",
    "une décision très atten-",
    "due. Une réunion publique",
    "aura lieu le mois prochain",
    "à la salle des ﬂeurs.",
]
LEFT_2 = [
    "Le maire a également annoncé",
    "la création d'une biblio-",
    "thèque dans le quartier nord.",
]
RIGHT_2 = [
    "Elle ouvrira ses portes à la",
    "rentrée prochaine.",
]
HEADER = "Gazette de Villeneuve — édition du soir"


def two_columns(path: Path, *, title: str | None = "Un budget pour les écoles") -> Path:
    """Two pages of two columns; on each, the right column is drawn before the left one."""
    from reportlab.pdfgen import canvas

    regular, bold = _fonts()
    c = canvas.Canvas(str(path), pagesize=PAGE)
    if title is not None:
        c.setTitle(title)
    for number, (left, right) in enumerate(((LEFT_1, RIGHT_1), (LEFT_2, RIGHT_2)), start=1):
        c.setFont(regular, 9)
        c.drawString(180, 805, HEADER)
        if number == 1:
            c.setFont(bold, 18)
            c.drawString(60, 740, "Un budget pour les écoles")
        c.setFont(regular, 10)
        for x, lines in ((320, right), (60, left)):  # the right column first in the stream
            y = 690.0
            for line in lines:
                indent = 12 if line.startswith("    ") else 0
                c.drawString(x + indent, y, line.strip())
                y -= 12.5
        c.setFont(regular, 9)
        c.drawString(280, 30, f"page {number} sur 2")
        c.showPage()
    c.save()
    return path


def image_only(path: Path) -> Path:
    """A page with a picture and no text layer, as a scanner makes."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        picture.putpixel((x, 50), (0, 0, 0))
    c = canvas.Canvas(str(path), pagesize=PAGE)
    c.drawImage(ImageReader(picture), 100, 500, 400, 200)
    c.showPage()
    c.save()
    return path


def some_scanned(path: Path) -> Path:
    """A page of text, then a page with only a picture."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    regular, _ = _fonts()
    c = canvas.Canvas(str(path), pagesize=PAGE)
    c.setTitle("Un rapport en partie numérisé")
    c.setFont(regular, 10)
    c.drawString(60, 700, "La première page a bien du texte.")
    c.showPage()
    c.drawImage(ImageReader(Image.new("RGB", (50, 50), "gray")), 100, 500, 200, 200)
    c.showPage()
    c.save()
    return path


def with_outline(path: Path, *, drawn: bool = False) -> Path:
    """Two pages, each a chapter in the outline; no metadata title. ``drawn``: each page
    also shows its chapter's title, in bold, above its text."""
    from reportlab.pdfgen import canvas

    regular, bold = _fonts()
    c = canvas.Canvas(str(path), pagesize=PAGE)
    for number, (chapter, line) in enumerate(
        (
            ("Premier chapitre", "Il était une fois un village."),
            ("Second chapitre", "Puis vint l'hiver."),
        ),
        start=1,
    ):
        c.bookmarkPage(f"p{number}")
        c.addOutlineEntry(chapter, f"p{number}", level=0)
        if drawn:
            c.setFont(bold, 10)
            c.drawString(60, 730, chapter)
        c.setFont(regular, 10)
        c.drawString(60, 700, line)
        c.showPage()
    c.save()
    return path


def tex_accents(path: Path) -> Path:
    """Text as an old TeX font's PDF extracts: spacing accents before their letter."""
    from reportlab.pdfgen import canvas

    regular, _ = _fonts()
    c = canvas.Canvas(str(path), pagesize=PAGE)
    c.setTitle("Accents")
    c.setFont(regular, 10)
    c.drawString(60, 700, "Il faut ex´ecuter le programme `a la main, garc¸on.")
    c.showPage()
    c.save()
    return path


def headings(path: Path) -> Path:
    """A paragraph, a larger heading, a paragraph, a bold heading in body size, a paragraph."""
    from reportlab.pdfgen import canvas

    regular, bold = _fonts()
    c = canvas.Canvas(str(path), pagesize=PAGE)
    c.setTitle("Titres")
    y = 700.0
    for font, size, line in (
        (regular, 10, "Le budget a été voté hier soir."),
        (regular, 14, "Les travaux"),
        (regular, 10, "Ils commenceront au printemps."),
        (bold, 10, "Le calendrier"),
        (regular, 10, "Les écoles fermeront en juillet."),
    ):
        c.setFont(font, size)
        c.drawString(60, y, line)
        y -= 24
    c.showPage()
    c.save()
    return path
