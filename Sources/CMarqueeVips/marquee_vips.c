#include "marquee_vips.h"

// The libvips 8.13+ calls used here, declared from its stable C API (vips/vips.h would need glib's
// headers on the include path: see Package.swift). VipsImage is a GObject.
typedef struct _VipsImage VipsImage;
typedef int gboolean;
enum { VIPS_SIZE_DOWN = 2 };
int vips_init(const char *argv0);
int vips_version(int flag);
void vips_cache_set_max(int max);
void vips_cache_set_max_mem(size_t max_mem);
void vips_cache_set_max_files(int max_files);
void vips_concurrency_set(int concurrency);
void vips_block_untrusted_set(gboolean state);
const char *vips_foreign_find_load_buffer(const void *data, size_t size);
VipsImage *vips_image_new_from_buffer(const void *buf, size_t len, const char *option_string, ...);
int vips_image_get_width(const VipsImage *image);
int vips_image_get_height(const VipsImage *image);
int vips_thumbnail_buffer(void *buf, size_t len, VipsImage **out, int width, ...);
int vips_thumbnail_image(VipsImage *in, VipsImage **out, int width, ...);
VipsImage *vips_image_copy_memory(VipsImage *image);
int vips_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_pngsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_webpsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
void vips_error(const char *domain, const char *fmt, ...);
void vips_error_clear(void);
char *vips_error_buffer_copy(void);
void g_object_unref(void *object);
void g_free(void *memory);
typedef void (*GLogFunc)(const char *domain, int level, const char *message, void *data);
unsigned g_log_set_handler(const char *domain, int levels, GLogFunc handler, void *data);
enum { G_LOG_LEVEL_WARNING = 1 << 4 };

// libvips' warnings ("error in tile 0 x 504") would reach the terminal beside Marquee's own
// diagnostics; the failure they accompany is reported at the image: line instead.
static void quiet(const char *domain, int level, const char *message, void *data) {
    (void)domain; (void)level; (void)message; (void)data;
}
#define TRUE 1

// Heights are unbounded: every variant is sized by its width alone.
#define ANY_HEIGHT 10000000

int marquee_vips_start(int threads, size_t cache_bytes, int cache_operations) {
    // fail_on (8.12) and vips_block_untrusted_set (8.13) are needed.
    if (vips_version(0) < 8 || (vips_version(0) == 8 && vips_version(1) < 13)) return -1;
    if (vips_init("marquee")) return -1;
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, quiet, 0);
    vips_cache_set_max(cache_operations);
    vips_cache_set_max_mem(cache_bytes);
    vips_cache_set_max_files(16);
    vips_concurrency_set(threads);
    // Only the well-tested loaders (JPEG, PNG, WebP, GIF…), never ImageMagick, PDF or the like.
    vips_block_untrusted_set(TRUE);
    return 0;
}

const char *marquee_vips_loader(const void *bytes, size_t length) {
    const char *name = vips_foreign_find_load_buffer(bytes, length);
    if (!name) vips_error_clear();
    return name;
}

int marquee_vips_header(const void *bytes, size_t length, int *width, int *height) {
    // Opening is lazy: only the header is read here.
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", NULL);
    if (!image) return -1;
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    g_object_unref(image);
    return 0;
}

MarqueeImage *marquee_vips_decode(const void *bytes, size_t length, int width) {
    VipsImage *thumbnail = NULL;
    if (vips_thumbnail_buffer((void *)bytes, length, &thumbnail, width, "height", ANY_HEIGHT,
                              "size", VIPS_SIZE_DOWN, "option_string", "fail_on=error", NULL)) return NULL;
    // Decoded now, once, so that a damaged file fails here and the variants shrink from memory.
    VipsImage *decoded = vips_image_copy_memory(thumbnail);
    g_object_unref(thumbnail);
    return decoded;
}

MarqueeImage *marquee_vips_shrink(MarqueeImage *image, int width) {
    VipsImage *thumbnail = NULL;
    if (vips_thumbnail_image(image, &thumbnail, width, "height", ANY_HEIGHT, "size", VIPS_SIZE_DOWN, NULL)) return NULL;
    VipsImage *shrunk = vips_image_copy_memory(thumbnail);
    g_object_unref(thumbnail);
    return shrunk;
}

int marquee_vips_width(MarqueeImage *image) { return vips_image_get_width(image); }
int marquee_vips_height(MarqueeImage *image) { return vips_image_get_height(image); }
void marquee_vips_release(MarqueeImage *image) { if (image) g_object_unref(image); }

int marquee_vips_save(MarqueeImage *image, int format, int quality, void **bytes, size_t *length) {
    switch (format) {
    case MARQUEE_JPEG:
        return vips_jpegsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE,
                                    "optimize_coding", TRUE, "interlace", TRUE, NULL);
    case MARQUEE_PNG:
        return vips_pngsave_buffer(image, bytes, length, "strip", TRUE, "compression", 6, NULL);
    case MARQUEE_WEBP:
        return vips_webpsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, NULL);
    default:
        vips_error("marquee", "unknown format %d", format);
        return -1;
    }
}

void marquee_vips_free(void *bytes) { g_free(bytes); }

char *marquee_vips_take_error(void) {
    return vips_error_buffer_copy();
}
