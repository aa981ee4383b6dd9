#!/usr/bin/env python3
"""Short plain news pages built from an extraction benchmark's articles, as a check of the page-type model.

WCXB's article pages are long; a crawl also brings news briefs (a headline and two or three short paragraphs), which
a refitted page-type model once typed a listing (a WARC ingest test lost one). This writes such briefs in the
benchmark layout `crosscheck eval extraction` reads (html/<id>.html and ground-truth.json with each page's address),
so its "page types found" line says how many the shipped model types article. Each article of SRC becomes one
brief: its first three paragraphs of eight words or more, each cut to forty words, under its own title, in an
article element with og:site_name and article:published_time in the head, at two addresses (/news/N and
/YYYY/MM/slug). A check beside the site cross-validation, never training data; build it from a development set
(AEB dev), not from seed or held-out evaluation text.

Example:
  scripts/short-news-check.py ../shared/data/extraction-aeb-dev /tmp/short-news
  crosscheck eval extraction /tmp/short-news      # "page types found: article ..." of 100 pages (fewer if some are too short)
"""
import argparse
import html
import json
import os
import re

OUTLETS = ["Riverside Courier", "Valley Tribune", "Harbour Herald", "Northfield Bulletin", "Coastline Daily"]


def title_of(page):
    match = re.search(r"<title[^>]*>(.*?)</title>", page, re.S | re.I)
    title = html.unescape(match.group(1)).strip() if match else ""
    return re.sub(r"\s+", " ", re.split(r"\s+[|\-–—]\s+", title)[0]).strip()


def brief(title, outlet, day, paragraphs):
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    t = html.escape(title)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t} - {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta property="article:published_time" content="2024-05-{day:02d}T08:00:00Z"></head>
<body><header><a href="/">{outlet}</a></header><main><article><h1>{t}</h1>
{body}</article></main><footer><a href="/about">About</a></footer></body></html>"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", help="a benchmark directory with ground-truth.json (articleBody, url) and html/<id>.html")
    parser.add_argument("out", help="the directory to write")
    args = parser.parse_args()
    truth = json.load(open(os.path.join(args.src, "ground-truth.json"), encoding="utf-8"))
    os.makedirs(os.path.join(args.out, "html"), exist_ok=True)
    written = {}
    for i, (page_id, record) in enumerate(sorted(truth.items())):
        with open(os.path.join(args.src, "html", page_id + ".html"), encoding="utf-8", errors="replace") as f:
            title = title_of(f.read())
        paragraphs = [" ".join(p.split()[:40]) for p in record["articleBody"].split("\n") if len(p.split()) >= 8][:3]
        if len(paragraphs) < 2 or not title:
            continue
        outlet = OUTLETS[i % len(OUTLETS)]
        host = outlet.lower().replace(" ", "-") + ".example"
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "story"
        page = brief(title, outlet, i % 28 + 1, paragraphs)
        for kind, url in (("news", f"https://{host}/news/{i + 1}"), ("dated", f"https://{host}/2024/05/{slug}")):
            brief_id = f"{i:02d}-{kind}"
            with open(os.path.join(args.out, "html", brief_id + ".html"), "w", encoding="utf-8") as f:
                f.write(page)
            written[brief_id] = {"articleBody": "\n\n".join([title] + paragraphs), "url": url}
    with open(os.path.join(args.out, "ground-truth.json"), "w", encoding="utf-8") as f:
        json.dump(written, f, ensure_ascii=False, indent=1)
    print(f"{len(written)} briefs written to {args.out}")


if __name__ == "__main__":
    main()
