#ifndef YEARBOOK_RENAME_EXCHANGE_H
#define YEARBOOK_RENAME_EXCHANGE_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1
/// with errno set; EINVAL or ENOSYS mean the file system or kernel cannot, so the caller
/// falls back to two renames.
int yb_rename_exchange(const char *from, const char *to);

#endif
