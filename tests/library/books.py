"""EPUB books made in the tests: a small French book with a cover, a navigation document,
non-ASCII file names and an image-only chapter, and ways to break it."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import quote

TITLE = "Le Comte de Monte-Cristo"
AUTHOR = "Alexandre Dumas"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
CHAPTERS = (
    # (file name, table-of-contents label, h1, paragraphs)
    (
        "texte/chapitre-1-l'arrivée.xhtml",
        "Marseille. — L’arrivée",
        "Marseille. — L’arrivée",
        (
            "Le 24 février 1815, la vigie de Notre-Dame de la Garde signala le trois-mâts "
            "le Pharaon, venant de Smyrne, Trieste et Naples.",
            "Comme d’habitude, un pilote côtier partit aussitôt du port.",
        ),
    ),
    (
        "texte/chapitre-2-père-et-fils.xhtml",
        "Le père et le fils",
        "II. Le père et le fils",
        (
            "Laissons Danglars, aux prises avec le démon de la haine, et suivons Dantès.",
            "Le jeune homme monta les quatre étages d’un escalier obscur.",
        ),
    ),
    (
        "texte/chapitre-3-les-catalans.xhtml",
        "Les Catalans",
        "Les Catalans",
        ("À cent pas de l’endroit où les deux amis buvaient, s’élevait le village des Catalans.",),
    ),
)


def chapter(h1: str | None, paragraphs: tuple[str, ...], title: str = TITLE) -> str:
    body = (f"<h1>{h1}</h1>" if h1 else "") + "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        f"<head><title>{title}</title></head><body>{body}</body></html>"
    )


def image_page(src: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Illustration</title></head>'
        f'<body><div><img src="{src}" alt=""/></div></body></html>'
    )


def book_files(nav: bool = True, ncx: bool = False) -> dict[str, str | bytes]:
    """The members of the sample book, by name (mimetype first)."""
    files: dict[str, str | bytes] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": (
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/contenu.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>"
        ),
        "OEBPS/images/couverture.png": PNG,
        "OEBPS/couverture.xhtml": image_page("images/couverture.png"),
        "OEBPS/texte/gravure.xhtml": image_page("../images/couverture.png"),
    }
    manifest = [
        '<item id="cover-image" href="images/couverture.png" media-type="image/png" properties="cover-image"/>',
        '<item id="cover" href="couverture.xhtml" media-type="application/xhtml+xml"/>',
        '<item id="plate" href="texte/gravure.xhtml" media-type="application/xhtml+xml"/>',
    ]
    spine = ['<itemref idref="cover"/>']
    toc_links = []
    for number, (name, label, h1, paragraphs) in enumerate(CHAPTERS, 1):
        files[f"OEBPS/{name}"] = chapter(h1, paragraphs)
        manifest.append(
            f'<item id="c{number}" href="{quote(name)}" media-type="application/xhtml+xml"/>'
        )
        spine.append(f'<itemref idref="c{number}"/>')
        if number == 1:
            spine.append('<itemref idref="plate"/>')  # an image-only page between chapters
        toc_links.append((quote(name), label))
    if nav:
        items = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in toc_links)
        files["OEBPS/nav.xhtml"] = (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
            "<head><title>Table</title></head><body>"
            '<nav epub:type="landmarks"><ol><li><a href="couverture.xhtml">Couverture</a></li></ol></nav>'
            f'<nav epub:type="toc"><h1>Table des matières</h1><ol>{items}</ol></nav>'
            "</body></html>"
        )
        manifest.append(
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
    if ncx:
        points = "".join(
            f'<navPoint id="p{i}" playOrder="{i}"><navLabel><text>{label}</text></navLabel>'
            f'<content src="{href}"/></navPoint>'
            for i, (href, label) in enumerate(toc_links, 1)
        )
        files["OEBPS/toc.ncx"] = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
            f"<navMap>{points}</navMap></ncx>"
        )
        manifest.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
    files["OEBPS/contenu.opf"] = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">'
        f'<dc:identifier id="id">urn:test:monte-cristo</dc:identifier><dc:title>{TITLE}</dc:title>'
        f'<dc:creator opf:role="aut">{AUTHOR}</dc:creator>'
        '<dc:creator opf:role="ill">Un Illustrateur</dc:creator><dc:language>fr</dc:language>'
        f"</metadata><manifest>{''.join(manifest)}</manifest>"
        f"<spine{' toc=' + chr(34) + 'ncx' + chr(34) if ncx else ''}>{''.join(spine)}</spine></package>"
    )
    return files


def write_epub(path: Path, files: dict[str, str | bytes]) -> Path:
    """A zip with ``mimetype`` stored first, as the EPUB container wants."""
    with zipfile.ZipFile(path, "w") as book:
        for name, data in files.items():
            kind = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            book.writestr(name, data, compress_type=kind)
    return path


def sample_book(folder: Path, name: str = "monte-cristo.epub", **options: bool) -> Path:
    return write_epub(folder / name, book_files(**options))


def book_words() -> int:
    """The words of the sample book as the library counts them: title, labels, the h1 that
    says more than its label, paragraphs."""
    pieces = [TITLE]
    for _, label, h1, paragraphs in CHAPTERS:
        pieces.append(label)
        if h1 != label:
            pieces.append(h1)
        pieces.extend(paragraphs)
    return sum(1 for p in pieces for w in p.split() if any(c.isalnum() for c in w))
