"""Open every page of the built documentation site in headless Chromium and fail on what a reader would meet.

    python tools/check_site.py _docs                      # after nbdev_docs; screenshots go to _docs_check/
    python tools/check_site.py _docs --shots DIR

Fails (exit 1, one line per problem, naming the page) on: a page that neither the sidebar nor the navbar reaches,
a broken internal link or anchor, an image that does not load (naturalWidth 0), a JavaScript error in the console,
a page whose main text is empty, and a page that shows a stack trace, raw front matter or Quarto markup. Saves
screenshots of the home page and the results page and checks them: not blank, the figure where the page puts it,
and the before/after slider moves its seam. Needs Debian's `chromium` and `chromium-driver`, and `selenium`.
"""
import argparse, functools, http.server, io, re, sys, threading, time
from pathlib import Path
from urllib.parse import urljoin, urlparse, unquote

import numpy as np
from PIL import Image

RAW_MARKUP = [('a stack trace', re.compile(r'Traceback \(most recent call last\)')),
              ('raw front matter', re.compile(r'^---\s*$\n^(title|description|output-file):', re.M)),
              ('Quarto markup', re.compile(r'^:::|\{\.callout|^#\|', re.M))]
MIN_MAIN_TEXT = 80          # characters of visible text in <main>: a page with less is empty


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    "Serve `folder` on a free localhost port; returns the server and its base URL."
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = '/usr/bin/chromium'
    for flag in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
                 '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1280,1000'):
        opts.add_argument(flag)
    opts.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    return webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=opts)


def site_pages(root: Path) -> list[str]:
    "The site's pages, relative to `root` (Quarto's own 404 page and libraries aside)."
    return sorted(p.relative_to(root).as_posix() for p in root.rglob('*.html')
                  if 'site_libs' not in p.parts and p.name != '404.html' and not p.name.endswith('.html.md'))


WAIT_IMAGES = """
const done = arguments[arguments.length - 1];
const imgs = Array.from(document.images);
imgs.forEach(i => { i.loading = 'eager'; });
Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; setTimeout(r, 5000); })))
  .then(() => done(imgs.filter(i => i.naturalWidth === 0).map(i => i.getAttribute('src').slice(0, 80))));
"""

PAGE_FACTS = """
const main = document.querySelector('main') || document.body;
const links = Array.from(document.querySelectorAll('a[href]')).map(a => a.href);
const sidebar = Array.from(document.querySelectorAll('#quarto-sidebar a[href]')).map(a => a.href);
const navbar = Array.from(document.querySelectorAll('#quarto-header a[href]')).map(a => a.href);
const ids = Array.from(document.querySelectorAll('[id]')).map(e => e.id);
return {text: main.innerText, links: links, sidebar: sidebar, navbar: navbar, ids: ids};
"""


def page_of(url: str, base: str) -> str | None:
    "The page path (relative to the site root) an internal URL points at, or None for an external one."
    u = urlparse(url)
    if not url.startswith(base): return None
    path = unquote(u.path)[len(urlparse(base).path):]
    return path + 'index.html' if path == '' or path.endswith('/') else path


def is_blank(png: bytes) -> bool:
    a = np.asarray(Image.open(io.BytesIO(png)).convert('L'), dtype=np.float32)
    return a.std() < 8


def check_site(root: Path, shots: Path) -> list[str]:
    problems, pages = [], site_pages(root)
    if 'index.html' not in pages: return [f"{root}: no index.html (run nbdev_docs first)"]
    server, base = serve(root)
    driver = browser()
    driver.set_script_timeout(30)
    facts, reached = {}, set()
    try:
        for page in pages:
            driver.get(urljoin(base, page))
            broken_images = driver.execute_async_script(WAIT_IMAGES)
            f = driver.execute_script(PAGE_FACTS)
            facts[page] = f
            for src in broken_images: problems.append(f"{page}: image does not load: {src}")
            for entry in driver.get_log('browser'):
                external = re.search(r'https?://(?!127\.0\.0\.1)', entry['message']) and 'net::' in entry['message']
                if entry['level'] == 'SEVERE' and not external:
                    problems.append(f"{page}: console error: {entry['message'][:200]}")
            if len(f['text'].strip()) < MIN_MAIN_TEXT: problems.append(f"{page}: main text is empty ({len(f['text'].strip())} characters)")
            for what, pattern in RAW_MARKUP:
                if m := pattern.search(f['text']): problems.append(f"{page}: shows {what}: {m.group(0)[:60]!r}")
            reached |= {p for p in map(lambda u: page_of(u, base), f['sidebar'] + f['navbar']) if p}
        for page, f in facts.items():                                      # links and anchors, now that every page's ids are known
            for url in f['links']:
                target = page_of(url.split('#')[0], base)
                if target is None: continue
                if target.endswith('.html') and target not in facts and not (root / target).is_file():
                    problems.append(f"{page}: broken link to {target}")
                elif '#' in url and (anchor := unquote(url.split('#', 1)[1])) and target in facts and anchor not in facts[target]['ids']:
                    problems.append(f"{page}: broken anchor {target}#{anchor}")
                elif not target.endswith('.html') and not (root / target).exists():
                    problems.append(f"{page}: broken link to {target}")
        for page in pages:
            if page not in reached: problems.append(f"{page}: not in the sidebar or the navbar")
        problems += check_screenshots(driver, base, shots)
    finally:
        driver.quit(); server.shutdown()
    return problems


def check_screenshots(driver, base: str, shots: Path) -> list[str]:
    "Screenshots of the home and results pages, and what they must show."
    from selenium.webdriver.common.by import By
    problems = []
    shots.mkdir(parents=True, exist_ok=True)
    for page, heading in (('index.html', 'srfaces'), ('results.html', 'Results')):
        driver.get(urljoin(base, page)); driver.execute_async_script(WAIT_IMAGES)
        png = driver.get_screenshot_as_png(); (shots / page.replace('.html', '.png')).write_bytes(png)
        if is_blank(png): problems.append(f"{page}: the screenshot is blank")
        title = driver.find_element(By.CSS_SELECTOR, 'h1').text
        if heading not in title: problems.append(f"{page}: title {title!r}, expected {heading!r}")
        figures = driver.find_elements(By.CSS_SELECTOR, 'main img')
        if not figures: problems.append(f"{page}: no figure"); continue
        figure = figures[0]                                                 # the page's first figure
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", figure)
        crop = figure.screenshot_as_png; (shots / page.replace('.html', '_figure.png')).write_bytes(crop)
        if is_blank(crop) or figure.size['width'] < 300: problems.append(f"{page}: the first figure is blank or tiny ({figure.size})")
        # the figure stands where the page says: before the page's first table, under its own caption or introduction
        before_table = driver.execute_script("""const t = document.querySelector('main table');
            return !t || (arguments[0].compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) > 0;""", figure)
        if not before_table: problems.append(f"{page}: the first figure comes after the first table")
    driver.get(urljoin(base, 'results.html')); driver.execute_async_script(WAIT_IMAGES)
    text = driver.execute_script("return document.querySelector('main').innerText")
    if 'Quality against time' not in text: problems.append("results.html: no 'Quality against time' caption for the plot")
    sliders = driver.find_elements(By.CSS_SELECTOR, '.srf-wipe input[type=range]')
    if not sliders: problems.append("results.html: no before/after slider")
    else:
        wipe = sliders[0].find_element(By.XPATH, './ancestor::div[contains(@class, "srf-wipe")]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", wipe)
        first = wipe.screenshot_as_png
        driver.execute_script("arguments[0].value = 5; arguments[0].dispatchEvent(new Event('input'))", sliders[0])
        clip = driver.execute_script("return arguments[0].querySelector('.srf-after').style.clipPath", wipe)
        moved = wipe.screenshot_as_png; (shots / 'results_slider.png').write_bytes(moved)
        if '5%' not in clip: problems.append(f"results.html: moving the slider did not move the seam (clip-path {clip!r})")
        if first == moved: problems.append("results.html: moving the slider did not change what the page shows")
    return problems


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('site', nargs='?', default='_docs', help='the built site (nbdev_docs writes _docs)')
    parser.add_argument('--shots', default='_docs_check', help='where the screenshots go')
    args = parser.parse_args()
    start = time.perf_counter()
    problems = check_site(Path(args.site), Path(args.shots))
    for p in problems: print(p, file=sys.stderr)
    n = len(site_pages(Path(args.site)))
    print(f"{n} pages checked in headless Chromium in {time.perf_counter() - start:.0f}s: "
          + (f"{len(problems)} problems" if problems else f"no problems; screenshots in {args.shots}/"))
    sys.exit(1 if problems else 0)
