# The two set-up commands of the README:
#   make site   builds the example site into public/ (installs libcmark-dev when missing)
#   make test   runs the tests (installs libcmark-dev, and the validators for the search browser test, when missing)
SWIFT ?= swift
# Release builds link the Swift runtime and Foundation statically where the toolchain has them
# (faster start: see scripts/static-stdlib-flag.sh). `=`, not `:=`: asked only by the recipes that
# use it, so `make test` and the others do not start the compiler to find out.
RELEASE_FLAGS = $(shell SWIFT=$(SWIFT) scripts/static-stdlib-flag.sh)

.PHONY: site test release theme reference bench bench-images bench-search fuzz clean

site: release
	.build/release/marquee build

release:
	@scripts/ensure-cmark.sh
	$(SWIFT) build -c release --product marquee $(RELEASE_FLAGS)

test:
	@scripts/ensure-cmark.sh
	@scripts/ensure-strace.sh
	@scripts/ensure-actionlint.sh
	@scripts/ensure-validators.sh
	$(SWIFT) test

# Regenerate the default theme embedded in the binary after editing templates/ or static/style.css.
theme:
	python3 scripts/embed-theme.py

# Regenerate docs/reference/templates.md's template variables from the schema templates are checked
# against, and docs/reference/theme-words.md's list of the theme's words from their catalogue.
reference:
	$(SWIFT) build --product marquee
	.build/debug/marquee templates --markdown | python3 scripts/update-reference.py
	.build/debug/marquee templates --words | python3 scripts/update-reference.py words

# Speed against Hugo on generated sites of 1,000, 10,000 and 100,000 reviews (see docs/developers/performance.md).
bench:
	bash scripts/bench.sh $(N)

# Posters: the bench corpus with a 1000 x 1500 poster per review, cold and cached, against the same
# site without images and Hugo resizing the same posters (scripts/bench-images.sh; N defaults to 1000).
bench-images:
	bash scripts/bench-images.sh $(N)

# The search index's cost: cold builds with and without `search: false`, and the bytes queries
# fetch (scripts/bench-search.sh; N defaults to 10000).
bench-search:
	bash scripts/bench-search.sh $(N)

# Run the libFuzzer target on the reader for SECONDS (default 600).
fuzz:
	bash scripts/fuzz.sh $(SECONDS)

clean:
	rm -rf .build public
