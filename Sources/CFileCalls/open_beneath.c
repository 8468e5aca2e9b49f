#define _GNU_SOURCE
#include "CFileCalls.h"
#include <errno.h>
#include <fcntl.h>
#ifdef __linux__
#include <linux/openat2.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

int yb_open_beneath(int base, const char *path, int flags, unsigned int mode) {
#if defined(__linux__) && defined(SYS_openat2)
  struct open_how how;
  memset(&how, 0, sizeof how);
  how.flags = (unsigned long long)flags;
  how.mode = (flags & O_CREAT) ? mode : 0;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
  return (int)syscall(SYS_openat2, base, path, &how, sizeof how);
#else
  (void)base;
  (void)path;
  (void)flags;
  (void)mode;
  errno = ENOSYS;
  return -1;
#endif
}
