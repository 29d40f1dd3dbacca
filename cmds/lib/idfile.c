#include <string.h>
#include "idfile.h"
#include "lib.h"
#include "lines.h"

long id_lookup(const char *file, const char *name)
{
	static struct lines l;
	size_t n = strlen(name);
	long id = -1;
	char *s;

	if (!n || lines_open(&l, file) < 0)
		return -1;
	while (id < 0 && (s = lines_next(&l))) {
		char *p, *e;
		uint32_t v;

		if (strncmp(s, name, n) || s[n] != ':')
			continue;
		/* name:password:id:... */
		if (!(p = strchr(s + n + 1, ':')))
			continue;
		p++;
		if ((e = strchr(p, ':')))
			*e = 0;
		if (!parse_u32(p, &v, 10))
			id = (long)v;
	}
	lines_close(&l);
	return id;
}
