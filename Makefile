# The two set-up commands of the README:
#   make site   builds the example site into public/ (installs libcmark-dev when missing)
#   make test   runs the tests (installs libcmark-dev when missing)
SWIFT ?= swift

.PHONY: site test release theme clean

site: release
	.build/release/marquee build

release:
	@scripts/ensure-cmark.sh
	$(SWIFT) build -c release --product marquee

test:
	@scripts/ensure-cmark.sh
	$(SWIFT) test

# Regenerate the default theme embedded in the binary after editing templates/ or static/style.css.
theme:
	python3 scripts/embed-theme.py

clean:
	rm -rf .build public
