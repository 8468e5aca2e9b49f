/// Linux file calls that Swift cannot make: glibc has no wrapper for them, and `syscall`
/// is variadic.
#ifndef YEARBOOK_FILE_CALLS_H
#define YEARBOOK_FILE_CALLS_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1
/// with errno set; EINVAL or ENOSYS mean the file system or kernel cannot, so the caller
/// falls back to two renames.
int yb_rename_exchange(const char *from, const char *to);

/// Opens `path` under the folder `base` as openat(2) does, but refuses to pass through a
/// symbolic link or to leave `base` (Linux openat2 with RESOLVE_BENEATH and
/// RESOLVE_NO_SYMLINKS; ELOOP or EXDEV then). Returns the descriptor, or -1 with errno
/// set; ENOSYS where the kernel has no openat2.
int yb_open_beneath(int base, const char *path, int flags, unsigned int mode);

#endif
