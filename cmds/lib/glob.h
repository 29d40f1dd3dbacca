/* Shell wildcards as fnmatch(pattern, string, 0) matches them in the C locale (kmod's aliases,
 * iproute2's label selector), without libc's wide-character machinery. */
#ifndef NSBOX_GLOB_H
#define NSBOX_GLOB_H

/* 1 when str matches pat: * ? [set] [!set] [^set] ranges [:class:], backslash escapes. */
int glob_match(const char *pat, const char *str);

#endif
