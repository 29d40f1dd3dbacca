/* Linked into nsbox by make SANITIZE=1: ASan's and UBSan's options where the environment cannot
 * give them (the sanitizers read it from /proc/self/environ, which some sandbox tests hide by
 * mounting over /proc). The same as the Makefile exports: no leak check, reports to files. */
const char *__asan_default_options(void);
const char *__ubsan_default_options(void);

const char *__asan_default_options(void)
{
	return "detect_leaks=0:log_path=" SAN_LOG "/asan";
}

const char *__ubsan_default_options(void)
{
	return "print_stacktrace=1:log_path=" SAN_LOG "/ubsan";
}
