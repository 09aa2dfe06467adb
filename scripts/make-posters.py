#!/usr/bin/env python3
"""Draws a simple poster for every review of the example site with libvips (pyvips): a two-colour
gradient picked from the slug, a band, and the work's name. Made for this project, so the example
site ships no copied posters. Folder reviews get poster.jpg beside index.md; single-file reviews
get static/posters/<slug>.jpg. Adds `image:` and `image_alt:` to front matter that has none.

    pip install pyvips && python3 scripts/make-posters.py [--size 600x900] [--out DIR --count N]

With --out and --count it writes N posters (bench-0001.jpg…) into DIR instead, for the benchmark.
"""
import argparse, hashlib, pathlib, re, sys
import pyvips

def colours(seed):
    digest = hashlib.sha256(seed.encode()).digest()
    return [digest[0], digest[1], digest[2]], [digest[3] // 2, digest[4] // 2, digest[5] // 2]

def poster(name, seed, width, height):
    top, bottom = colours(seed)
    # A vertical gradient: each row mixes the two colours by its height, plus a little noise so
    # the JPEG is not trivially small.
    ramp = pyvips.Image.xyz(width, height)[1] / height
    bands = [ramp * (b - t) + t for t, b in zip(top, bottom)]
    image = bands[0].bandjoin(bands[1:])
    image = (image + pyvips.Image.gaussnoise(width, height, sigma=6, seed=int(hashlib.sha256(seed.encode()).hexdigest()[:6], 16))).cast("uchar")
    band = pyvips.Image.black(width, height // 6).new_from_image([240, 236, 220]).cast("uchar")
    image = image.insert(band, 0, height * 2 // 3)
    text = pyvips.Image.text(name, width=width * 4 // 5, dpi=max(72, width // 4), align="centre")
    if text.width > width * 9 // 10 or text.height > height // 7:
        text = text.resize(min(width * 9 / 10 / text.width, height / 7 / text.height))
    ink = text.new_from_image([30, 30, 40]).bandjoin(text).copy(interpretation="srgb")
    x, y = (width - text.width) // 2, height * 2 // 3 + (height // 6 - text.height) // 2
    return image.composite2(ink, "over", x=x, y=y).flatten()

def front_matter(path):
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return text, match

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="600x900")
    parser.add_argument("--out")
    parser.add_argument("--count", type=int, default=0)
    args = parser.parse_args()
    width, height = map(int, args.size.split("x"))
    if args.out:
        out = pathlib.Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for index in range(1, args.count + 1):
            poster(f"Film {index}", f"bench-{index}", width, height).jpegsave(str(out / f"bench-{index:05d}.jpg"), Q=85, strip=True)
        return
    root = pathlib.Path(__file__).resolve().parent.parent
    for path in sorted((root / "content" / "reviews").iterdir()):
        source = path / "index.md" if path.is_dir() else path
        if source.suffix != ".md":
            continue
        text, match = front_matter(source)
        if not match:
            continue
        keys = dict(re.findall(r"^(\w+):\s*(.*)$", match.group(1), re.M))
        work = (keys.get("work") or keys.get("movie") or keys.get("title") or path.stem).strip().strip('"')
        slug = path.name if path.is_dir() else path.stem
        if path.is_dir():
            target, image = path / "poster.jpg", "poster.jpg"
        else:
            target, image = root / "static" / "posters" / f"{slug}.jpg", f"/posters/{slug}.jpg"
        target.parent.mkdir(parents=True, exist_ok=True)
        poster(work, slug, width, height).jpegsave(str(target), Q=82, strip=True)
        lines = match.group(1).split("\n")
        lines = [line for line in lines if not line.startswith("image:") and not line.startswith("image_alt:")]
        lines += [f"image: {image}", f'image_alt: "A drawn poster: the title {work} on a coloured gradient"']
        source.write_text("---\n" + "\n".join(lines) + "\n---\n" + text[match.end():], encoding="utf-8")
        print(f"{target.relative_to(root)}  {target.stat().st_size // 1024} KB", file=sys.stderr)

if __name__ == "__main__":
    main()
