#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and its encoding.h then includes the system's <unicode/ucnv.h>,
// whose UErrorCode clashes with the ICU that Swift's Foundation carries. Marquee never touches
// libxml2's encoding handlers (the only struct whose fields depend on it), so ICU is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
