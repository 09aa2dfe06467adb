#ifndef MARQUEE_SYSTEM_H
#define MARQUEE_SYSTEM_H

/// Exchanges the two paths in one atomic step (both must exist): Linux's renameat2 with
/// RENAME_EXCHANGE, macOS's renamex_np with RENAME_SWAP. Returns 0, or -1 with errno set; errno is
/// ENOSYS (or EINVAL / ENOTSUP, from a file system without it) where the system has no exchange.
/// A C wrapper because Swift's Glibc module exports neither renameat2 nor the variadic syscall().
int marquee_exchange(const char *first, const char *second);

/// Copies the plain file `from` to `to` (created or truncated) inside the kernel: a copy-on-write
/// clone where the file system has one (Btrfs, XFS), else copy_file_range, so the bytes never
/// pass through the process. Returns 0, or -1 with errno set (ENOSYS where neither exists, EXDEV
/// across file systems on older kernels); the caller then copies by reading and writing. In C
/// because Swift's Glibc module exports neither copy_file_range nor FICLONE.
int marquee_copy_file(const char *from, const char *to);

/// A count that threads add to and another reads while they do (a build's progress), without a
/// lock: relaxed atomic operations, as Swift's own atomics need macOS 15 and Marquee runs on 13.
void marquee_counter_add(long *counter, long amount);
long marquee_counter_load(const long *counter);
void marquee_counter_store(long *counter, long value);

/// glibc's mmap threshold fixed at `bytes` (mallopt M_MMAP_THRESHOLD, which also stops glibc from
/// raising it as large blocks are freed). Returns 1 when set, 0 where it failed or where the C
/// library is not glibc. In C because Swift's Glibc module does not export malloc.h.
int marquee_fix_mmap_threshold(int bytes);

#endif
