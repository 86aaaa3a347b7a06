"""Web pages served from 127.0.0.1 in a thread, for the tests that add a page by URL:
an article among navigation, adverts, a "read also" box and comments, and pages that
must be refused."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TITLE = "À Lyon, les pentes de la Croix-Rousse retrouvent leurs ateliers"
AUTHOR = "Marie Dupont"
PARAGRAPHS = (
    "Sur les pentes de la Croix-Rousse, les anciens ateliers de soyeux reprennent vie : "
    "une vingtaine d’artisans s’y sont installés depuis le printemps, attirés par des loyers "
    "encore modérés et par la lumière des grandes fenêtres.",
    "« Nous cherchions des plafonds hauts pour nos métiers à tisser », explique Claire, "
    "qui a ouvert son atelier en avril avec deux associées. La mairie d’arrondissement "
    "soutient le projet et promet de rénover les traboules voisines.",
    "Les habitants, eux, se montrent partagés. Certains saluent le retour d’une activité "
    "qui a fait l’histoire du quartier, d’autres craignent une hausse rapide des prix.",
)
HEADING = "Une histoire de soie"
LAST = (
    "Une exposition présentera les créations des nouveaux ateliers en décembre, dans la "
    "salle des fêtes de la mairie, avant un marché de Noël consacré à l’artisanat local."
)
BOILERPLATE = (
    "Accueil",
    "Politique",
    "Abonnez-vous à notre lettre d’information pour recevoir l’essentiel de l’actualité",
    "Publicité : votre voiture neuve à prix cassé, profitez-en vite avant la fin du mois",
    "Lire aussi : le marché immobilier lyonnais reste tendu cette année",
    "Très bon article, merci ! J’habite le quartier depuis trente ans et je confirme que "
    "les ateliers reviennent, mais les loyers montent déjà beaucoup trop vite pour nous.",
    "Encore une fois on oublie de parler des commerces de proximité qui ferment un à un, "
    "pendant que les artisans branchés s’installent avec les subventions de la mairie.",
    "Mentions légales",
)


def article_page() -> str:
    nav = "".join(f'<li><a href="/{w}">{w}</a></li>' for w in ("Accueil", "Politique", "Sport"))
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    comments = "".join(
        f'<div class="comment"><p class="comment-author">Lecteur {i}</p><p>{text}</p></div>'
        for i, text in enumerate(BOILERPLATE[5:7], 1)
    )
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{TITLE} | Le Quotidien</title>
<meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="2026-11-28T09:00:00+01:00">
</head><body>
<header class="site-header"><a href="/">Le Quotidien</a><nav><ul>{nav}</ul></nav></header>
<div class="newsletter-banner"><p>{BOILERPLATE[2]}</p></div>
<main><article>
<h1>{TITLE}</h1>
<p class="byline">Par <a rel="author" href="/auteurs/md">{AUTHOR}</a>, le 28 novembre 2026</p>
{paragraphs}
<div class="ad-slot"><p>{BOILERPLATE[3]}</p></div>
<h2>{HEADING}</h2>
<aside class="read-also"><p>{BOILERPLATE[4]}</p></aside>
<p>{LAST}</p>
</article>
<section id="comments"><h3>3 commentaires</h3>{comments}</section>
</main>
<footer><p>{BOILERPLATE[7]}</p></footer>
</body></html>"""


def article_words() -> int:
    pieces = [TITLE, *PARAGRAPHS, HEADING, LAST]
    return sum(1 for p in pieces for w in p.split() if any(c.isalnum() for c in w))


NO_ARTICLE = """<!DOCTYPE html><html lang="fr"><head><title>Le Quotidien</title></head><body>
<nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
<form><input name="q"><button>Chercher</button></form>
<ul><li><a href="/a">Un titre</a></li><li><a href="/b">Un autre titre</a></li></ul>
</body></html>"""

BIG = 50 * 1024 * 1024

Response = tuple[int, dict[str, str], bytes | Callable[[BaseHTTPRequestHandler], None]]


def _stream_big(handler: BaseHTTPRequestHandler) -> None:
    chunk = b"<p>" + b"a" * 65530 + b"</p>"
    try:
        for _ in range(BIG // len(chunk) + 1):
            handler.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the reader stopped reading, as it should


def routes() -> dict[str, Response]:
    html = {"Content-Type": "text/html; charset=utf-8"}
    latin = article_page().replace('<meta charset="utf-8">', "").encode("iso-8859-1", "replace")
    return {
        "/article": (200, html, article_page().encode("utf-8")),
        "/latin1": (200, {"Content-Type": "text/html; charset=iso-8859-1"}, latin),
        "/moved": (301, {"Location": "/article"}, b""),
        "/no-article": (200, html, NO_ARTICLE.encode("utf-8")),
        "/loop-a": (302, {"Location": "/loop-b"}, b""),
        "/loop-b": (302, {"Location": "/loop-a"}, b""),
        "/big": (200, html, _stream_big),
        "/big-declared": (200, {**html, "Content-Length": str(BIG)}, _stream_big),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 " + b"x" * 2000),
    }


class _Handler(BaseHTTPRequestHandler):
    table: dict[str, Response] = {}

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        status, headers, body = self.table.get(
            self.path, (404, {"Content-Type": "text/html"}, b"<h1>404</h1>")
        )
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if not callable(body) and "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if callable(body):
            body(self)
        else:
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # quiet tests
        pass


@contextmanager
def serving() -> Iterator[str]:
    """A server on a free port of 127.0.0.1; yields its base URL (``http://127.0.0.1:PORT``)."""
    handler = type("Handler", (_Handler,), {"table": routes()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
