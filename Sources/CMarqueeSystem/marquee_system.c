#define _GNU_SOURCE
#include "marquee_system.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <linux/fs.h>
#include <sys/ioctl.h>
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

int marquee_copy_file(const char *from, const char *to) {
#if defined(__linux__)
    int source = open(from, O_RDONLY | O_CLOEXEC);
    if (source < 0) return -1;
    struct stat info;
    int statted = fstat(source, &info) == 0;
    if (!statted || !S_ISREG(info.st_mode)) {
        // info is read only once fstat has filled it; not a plain file is EINVAL.
        int code = statted ? EINVAL : errno;
        close(source);
        errno = code;
        return -1;
    }
    int target = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (target < 0) {
        int code = errno;
        close(source);
        errno = code;
        return -1;
    }
    int result = 0;
#if defined(FICLONE)
    if (ioctl(target, FICLONE, source) != 0)
#endif
    {
        off_t left = info.st_size;
        while (left > 0) {
            ssize_t copied = copy_file_range(source, NULL, target, NULL, (size_t)left, 0);
            if (copied < 0 && errno == EINTR) continue;
            if (copied <= 0) {
                if (copied == 0) errno = EIO; // the file shrank while it was copied
                result = -1;
                break;
            }
            left -= copied;
        }
    }
    int code = errno;
    close(source);
    if (close(target) != 0 && result == 0) { code = errno; result = -1; }
    errno = code;
    return result;
#else
    (void)from;
    (void)to;
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

int marquee_fix_mmap_threshold(int bytes) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}
