// SPDX-License-Identifier: GPL-2.0
/*
 * start.c - kinit's start-up, in place of klibc's __libc_init(): that one
 * also sets up stdio (three FILEs, isatty()) and ends in exit(), which
 * flushes them, for a program that writes with write(2) only.
 */
#include <stdint.h>
#include <sys/auxv.h>
#include <unistd.h>

/*
 * What klibc's own start-up defines and its functions read: the page
 * size (malloc(), getpagesize()) and the environment.  klibc's globals,
 * not kinit's state: the boot's state is struct kinit, on main()'s stack.
 */
char **environ;
unsigned int __page_size = 4096;
unsigned int __page_shift = 12;

int main(int argc, char **argv, char **envp);
void __libc_init(uintptr_t *elfdata, void (*onexit)(void)) __attribute__((noreturn));

/**
 * __libc_init() - what klibc's crt0 calls with the initial stack
 * @elfdata:	argc, argv[], NULL, envp[], NULL, then the auxiliary vector
 * @onexit:	a dynamic linker's finaliser: none for a static program
 *
 * Sets what klibc reads (environ, the page size from AT_PAGESZ), runs
 * main() and ends with _exit(): PID 1's main() never returns anyway.
 */
void __libc_init(uintptr_t *elfdata, void (*onexit)(void))
{
	int argc = (int)elfdata[0];
	char **argv = (char **)(elfdata + 1);
	uintptr_t *aux = (uintptr_t *)(argv + argc + 1);

	(void)onexit;
	environ = argv + argc + 1;
	while (*aux++)	/* past the environment */
		;
	for (; aux[0] != AT_NULL; aux += 2) {
		if (aux[0] == AT_PAGESZ && aux[1]) {
			__page_size = aux[1];
			__page_shift = __builtin_ctz(aux[1]);
		}
	}
	_exit(main(argc, argv, environ));
}
