#ifndef MARQUEE_SYSTEM_H
#define MARQUEE_SYSTEM_H

/// Exchanges the two paths in one atomic step (both must exist): Linux's renameat2 with
/// RENAME_EXCHANGE, macOS's renamex_np with RENAME_SWAP. Returns 0, or -1 with errno set; errno is
/// ENOSYS (or EINVAL / ENOTSUP, from a file system without it) where the system has no exchange.
/// A C wrapper because Swift's Glibc module exports neither renameat2 nor the variadic syscall().
int marquee_exchange(const char *first, const char *second);

/// A count that threads add to and another reads while they do (a build's progress), without a
/// lock: relaxed atomic operations, as Swift's own atomics need macOS 15 and Marquee runs on 13.
void marquee_counter_add(long *counter, long amount);
long marquee_counter_load(const long *counter);
void marquee_counter_store(long *counter, long value);

#endif
