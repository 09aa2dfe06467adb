#ifndef MARQUEE_SYSTEM_H
#define MARQUEE_SYSTEM_H

/// Exchanges the two paths in one atomic step (both must exist): Linux's renameat2 with
/// RENAME_EXCHANGE, macOS's renamex_np with RENAME_SWAP. Returns 0, or -1 with errno set; errno is
/// ENOSYS (or EINVAL / ENOTSUP, from a file system without it) where the system has no exchange.
/// A C wrapper because Swift's Glibc module exports neither renameat2 nor the variadic syscall().
int marquee_exchange(const char *first, const char *second);

#endif
