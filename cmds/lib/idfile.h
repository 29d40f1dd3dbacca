/* User and group names from /etc/passwd and /etc/group (the files only: no NSS modules), in
 * place of libc's getpwnam/getgrnam, which bring stdio and some 20 KiB into a static binary. */
#ifndef NSBOX_IDFILE_H
#define NSBOX_IDFILE_H

/* The id (third field) of the line whose first field is name in file, or -1. */
long id_lookup(const char *file, const char *name);

#endif
