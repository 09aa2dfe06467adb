// libvips itself is declared by CMarqueeVips, for the few calls it makes: this module only links
// the library (its own headers need glib's, whose pkg-config flags SwiftPM warns about).
