// SPDX-License-Identifier: GPL-2.0
/*
 * bootloader_test.c - host unit tests for kinit/bootloader.c: from a boot
 * loader archive unpacked (as the kernel does with
 * KINIT_BOOTLOADER_SETTINGS) into /bootloader-archive, only the settings
 * files are taken, as regular files of bounded size never reached through
 * a symlink; everything else is logged (escaped) and removed, and the
 * image's own files stay as they were.  The step runs in a child chrooted
 * into a scratch tree (root, or a user namespace of its own).
 */
#define _GNU_SOURCE	/* unshare() */
#define CONFIG_KINIT_BOOTLOADER_SETTINGS 1
#include "bootloader.c"
#include "lib/disktext.c"

#include <sched.h>
#include <sys/wait.h>

#include "ktap.h"
#include "log_capture.h"

static char root[] = "/tmp/kinit-bootloader-test.XXXXXX";

static void put(const char *path, const char *text, mode_t mode)
{
	char p[512];
	FILE *f;

	snprintf(p, sizeof(p), "%s%s", root, path);
	f = fopen(p, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
		chmod(p, mode);
	}
}

static void dir(const char *path)
{
	char p[512];

	snprintf(p, sizeof(p), "%s%s", root, path);
	mkdir(p, 0755);
}

static int has(const char *path, const char *text)
{
	char p[512], buf[256] = "";
	FILE *f;
	size_t n;

	snprintf(p, sizeof(p), "%s%s", root, path);
	f = fopen(p, "r");
	if (!f)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return !strcmp(buf, text);
}

static int mode_of(const char *path)
{
	char p[512];
	struct stat st;

	snprintf(p, sizeof(p), "%s%s", root, path);
	return lstat(p, &st) ? -1 : (int)(st.st_mode & 07777);
}

static int exists(const char *path)
{
	return mode_of(path) >= 0;
}

/* The image, and an archive as a hostile boot loader would pass it. */
static void make_tree(void)
{
	char p[512], big[70001];

	dir("/etc");
	dir("/etc/kinit");
	put("/etc/kinit/cmdline", "image\n", 0644);
	put("/init", "kinit\n", 0755);
	dir("/bootloader-archive");
	dir("/bootloader-archive/etc");
	dir("/bootloader-archive/etc/kinit");
	dir("/bootloader-archive/etc/kinit/modules.d");
	dir("/bootloader-archive/etc/kinit/keys");
	dir("/bootloader-archive/bin");
	put("/bootloader-archive/etc/kinit/cmdline", "-- from-settings\n", 0644);
	put("/bootloader-archive/etc/kinit/modules.d/50-console.load", "virtio_console\n", 0644);
	put("/bootloader-archive/etc/kinit/modules.d/notes.txt", "x\n", 0644);
	put("/bootloader-archive/etc/kinit/keys/default", "key\n", 0644);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	put("/bootloader-archive/etc/kinit/modprobe.conf", big, 0644);
	put("/bootloader-archive/init", "hijacked\n", 0755);
	put("/bootloader-archive/bin/busybox", "bb\n", 0755);
	put("/bootloader-archive/bad\033[2Jname", "x\n", 0644);
	snprintf(p, sizeof(p), "%s/bootloader-archive/etc/kinit/modules.d/60-link.load", root);
	if (symlink("/proc/cmdline", p))
		perror(p);
	snprintf(p, sizeof(p), "%s/bootloader-archive/escape", root);
	if (symlink("/", p))
		perror(p);
	snprintf(p, sizeof(p), "%s/bootloader-archive/etc/kinit/keys/fifo", root);
	if (mkfifo(p, 0600))
		perror(p);
}

/*
 * Run the step chrooted into the tree; its log comes back in logged[].
 * Return: 0, 77 when this host cannot chroot (not root, no user
 * namespaces), else the child's failure.
 */
static int run_step(void)
{
	int pfd[2], status;
	ssize_t n;
	size_t got = 0;
	pid_t pid;

	memset(logged, 0, sizeof(logged));
	if (pipe(pfd))
		return 1;
	pid = fork();
	if (pid == 0) {
		struct kinit_log log = { .fd = -1 };
		struct kinit k = { .log = &log };

		close(pfd[0]);
		if (geteuid() && unshare(CLONE_NEWUSER))
			_exit(77);
		if (chroot(root) || chdir("/"))
			_exit(77);
		bootloader_settings(&k);
		if (write(pfd[1], logged, strlen(logged)) < 0)
			_exit(1);
		_exit(0);
	}
	close(pfd[1]);
	while ((n = read(pfd[0], logged + got, sizeof(logged) - 1 - got)) > 0)
		got += n;
	close(pfd[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 1;
	return WEXITSTATUS(status);
}

static int logs(const char *line)
{
	return strstr(logged, line) != NULL;
}

int main(void)
{
	struct ktap t = { 0 };
	char cmd[600];
	int ret;

	ktap_begin("bootloader", 12);
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return 1;
	}
	make_tree();
	ret = run_step();
	if (ret == 77) {
		for (ret = 0; ret < 12; ret++)
			ktap_skip(&t, "bootloader", "cannot chroot here (not root, no user namespace)");
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
		return system(cmd) ? 1 : 0;
	}
	ktap_check(&t, ret == 0, "the step ran");
	ktap_check(&t, has("/etc/kinit/cmdline", "-- from-settings\n") &&
		   logs("bootloader-archive: took /etc/kinit/cmdline (17 bytes)"),
		   "the archive's cmdline replaces the image's");
	ktap_check(&t, has("/etc/kinit/modules.d/50-console.load", "virtio_console\n"),
		   "a modules.d list is taken");
	ktap_check(&t, !exists("/etc/kinit/modules.d/60-link.load") &&
		   logs("ignored /etc/kinit/modules.d/60-link.load: a symlink, not a regular file"),
		   "a symlinked .load is refused, said");
	ktap_check(&t, !exists("/etc/kinit/modules.d/notes.txt") &&
		   logs("ignored /etc/kinit/modules.d/notes.txt: not a settings file"),
		   "a file in modules.d that is no .load is ignored, said");
	ktap_check(&t, has("/etc/kinit/keys/default", "key\n") &&
		   mode_of("/etc/kinit/keys/default") == 0600 && mode_of("/etc/kinit/keys") == 0700,
		   "a key file is taken 0600 into a 0700 directory");
	ktap_check(&t, !exists("/etc/kinit/modprobe.conf") &&
		   logs("ignored /etc/kinit/modprobe.conf: 70000 bytes, more than 65536"),
		   "an oversized setting is refused with its size");
	ktap_check(&t, !exists("/etc/kinit/keys/fifo") &&
		   logs("ignored /etc/kinit/keys/fifo: not a regular file"),
		   "a fifo is never opened as a key");
	ktap_check(&t, has("/init", "kinit\n") && logs("ignored /init: not a settings file") &&
		   logs("ignored /bin/busybox: not a settings file") &&
		   logs("ignored /escape: not a settings file"),
		   "the archive's /init and the rest are ignored, the image's /init kept");
	ktap_check(&t, logs("ignored /bad\\x1b[2Jname: not a settings file"),
		   "names from the archive are logged escaped");
	ktap_check(&t, !exists("/bootloader-archive"), "the archive's directory is removed");
	ret = run_step();
	ktap_check(&t, ret == 0 && !logged[0] && has("/etc/kinit/cmdline", "-- from-settings\n"),
		   "a retry finds no archive and changes nothing");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd))
		return 1;
	return t.failed ? 1 : 0;
}
