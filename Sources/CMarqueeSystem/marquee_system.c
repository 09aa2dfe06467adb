#define _GNU_SOURCE
#include "marquee_system.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

int marquee_exchange(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    // The system call itself: glibc's renameat2 wrapper only exists from 2.28 on.
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
#elif defined(__APPLE__)
    return renamex_np(first, second, RENAME_SWAP);
#else
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

void marquee_counter_add(long *counter, long amount) {
    __atomic_fetch_add(counter, amount, __ATOMIC_RELAXED);
}

long marquee_counter_load(const long *counter) {
    return __atomic_load_n(counter, __ATOMIC_RELAXED);
}

void marquee_counter_store(long *counter, long value) {
    __atomic_store_n(counter, value, __ATOMIC_RELAXED);
}
