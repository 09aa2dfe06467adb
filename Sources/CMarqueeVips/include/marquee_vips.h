#ifndef MARQUEE_VIPS_H
#define MARQUEE_VIPS_H
// Plain, non-variadic wrappers over the few libvips calls Marquee makes: libvips' C API passes
// options as variadic name/value lists, which Swift cannot call.
#include <stddef.h>

typedef struct _VipsImage MarqueeImage;

// Starts libvips once with bounded caches (operations, memory, open files), untrusted loaders
// blocked, and `threads` worker threads per image. 0 on success.
int marquee_vips_start(int threads, size_t cache_bytes, int cache_operations);

// The loader libvips would pick for these bytes ("VipsForeignLoadJpegBuffer"), or NULL.
const char *marquee_vips_loader(const void *bytes, size_t length);

// The dimensions from the header alone, decoding no pixel. 0 on success.
int marquee_vips_header(const void *bytes, size_t length, int *width, int *height);

// Decodes the whole image, shrunk on load to at most `width` pixels wide (never enlarged), into
// memory; any decoding error (a truncated file) fails it. NULL on failure.
MarqueeImage *marquee_vips_decode(const void *bytes, size_t length, int width);

// A copy at most `width` wide (never enlarged), in memory. NULL on failure.
MarqueeImage *marquee_vips_shrink(MarqueeImage *image, int width);

int marquee_vips_width(MarqueeImage *image);
int marquee_vips_height(MarqueeImage *image);
void marquee_vips_release(MarqueeImage *image);

// Formats for marquee_vips_save.
enum { MARQUEE_JPEG = 0, MARQUEE_PNG = 1, MARQUEE_WEBP = 2 };

// Encodes with metadata stripped; the bytes are freed with marquee_vips_free. 0 on success.
int marquee_vips_save(MarqueeImage *image, int format, int quality, void **bytes, size_t *length);
void marquee_vips_free(void *bytes);

// libvips' error text for this thread's last failure, taken from its buffer (which it clears);
// freed with marquee_vips_free.
char *marquee_vips_take_error(void);

#endif
