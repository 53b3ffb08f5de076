"""The HTML view in a real browser (headless Chromium): a legend of the colours in use, and no
entity or time chip running past the block it belongs to, also in a narrow column.

Skipped when no Chromium is installed (``apt-get install chromium`` on Debian). The page is
loaded with ``--dump-dom`` after a script measured the layout and wrote its findings into the DOM.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsnlp.record import Article, Entity, Segment, TimeExpression
from tests.conftest import SEED

BROWSER = next(
    (b for b in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if b), None
)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")

#: Measures every chip (``mark``) against its block (``.newsnlp-seg``) and reads the legend.
CHECK = """
<script>
window.addEventListener("load", () => {
  const out = {blocks: 0, marks: 0, overflow: [], legend: null};
  for (const block of document.querySelectorAll(".newsnlp-seg")) {
    out.blocks += 1;
    const b = block.getBoundingClientRect();
    for (const mark of block.querySelectorAll("mark")) {
      out.marks += 1;
      for (const r of mark.getClientRects()) {
        if (r.left < b.left - 0.5 || r.right > b.right + 0.5) {
          out.overflow.push(mark.textContent.trim().slice(0, 60));
          break;
        }
      }
    }
  }
  const legend = document.querySelector(".newsnlp-legend");
  out.legend = legend ? Array.from(legend.querySelectorAll("[data-label]")).map(e => e.dataset.label) : null;
  document.body.setAttribute("data-check", JSON.stringify(out));
});
</script>
"""


def _measure(page: str, tmp_path: Path, width_px: int) -> dict:
    """Load ``page`` in a column ``width_px`` wide and return what the script found."""
    page = page.replace("</head>", f"<style>body{{width:{width_px}px}}</style></head>")
    page = page.replace("</body>", CHECK + "</body>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    proc = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    marker = 'data-check="'
    dom = proc.stdout
    assert marker in dom, proc.stderr[-2000:]
    raw = dom.split(marker, 1)[1].split('"', 1)[0]
    return json.loads(raw.replace("&quot;", '"').replace("&amp;", "&"))


def _long_chip_article() -> Article:
    url = "https://www.contoh-berita-panjang.co.id/nasional/2020/08/03/menteri-tiba-di-bekasi-untuk-meninjau-banjir"
    text = f"Menteri membagikan tautan {url} kepada wartawan di Bekasi, Senin (3/8/2020)."
    s, b, d = text.index(url), text.index("Bekasi"), text.index("Senin")
    return Article(
        text=text,
        entities=[
            Entity(s, s + len(url), url, "MISC", canonical=url),
            Entity(b, b + 6, "Bekasi", "LOC", canonical="Kota Bekasi", kb_id="wilayah:32.75"),
        ],
        times=[TimeExpression(d, d + 16, "Senin (3/8/2020)", "DATE", "2020-08-03")],
        segments=[Segment(0, len(text), text, "body")],
        stages=["text", "entities", "time", "structure"],
    )


def test_a_long_chip_wraps_inside_its_block_and_the_legend_names_the_colours(tmp_path):
    art = _long_chip_article()
    page = "<!DOCTYPE html><html><head></head><body>" + art._repr_html_() + "</body></html>"
    found = _measure(page, tmp_path, width_px=260)
    assert found["marks"] == 3 and found["blocks"] == 1
    assert found["overflow"] == []
    assert found["legend"] == ["LOC", "MISC", "DATE", "body"]


def test_newsnlp_render_of_the_seed_in_a_narrow_column(tmp_path):
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]))
    out = tmp_path / "seed.html"
    proc = subprocess.run(
        [sys.executable, "-m", "newsnlp", "render", str(SEED), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = _measure(out.read_text(encoding="utf-8"), tmp_path, width_px=320)
    assert found["blocks"] > 10 and found["marks"] > 20
    assert found["overflow"] == []
    assert {"PER", "ORG", "LOC", "DATE", "title", "body"} <= set(found["legend"])
