// SPDX-License-Identifier: GPL-2.0
/*
 * probe_test.c - build real images with the real mkfs tools and compare
 * what probe.c finds with what they were told and with `blkid -p`.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "probe_all.h"
#include "lib/disktext.c"
#include "ktap.h"

/* ---- sources ------------------------------------------------------------ */

static int fd_read(void *ctx, uint64_t off, void *buf, size_t len)
{
	int fd = *(int *)ctx;
	uint8_t *p = buf;

	while (len) {
		ssize_t n = pread(fd, p, len, (off_t)off);

		if (n < 0)
			return -errno;
		if (n == 0)
			return -EIO;
		p += n;
		off += (uint64_t)n;
		len -= (size_t)n;
	}
	return 0;
}

#include "mem_src.h"

static int probe_file(const char *path, struct probe_result *res,
		      struct part_entry *parts, int *count)
{
	struct probe_src src = { .read = fd_read };
	struct stat st;
	int fd, ret;

	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st))
		return -errno;
	src.ctx = &fd;
	src.size = (uint64_t)st.st_size;
	ret = res ? probe_device(&src, res) : probe_partitions(&src, parts, count);
	close(fd);
	return ret;
}

/* ---- the reference: blkid and partx ------------------------------------- */

struct ref {
	char type[64], uuid[64], label[256], usage[32];
};

/* blkid -o udev and partx -P escape bytes as \xHH */
static void unescape(char *dst, size_t dstsz, const char *s, char stop)
{
	size_t o = 0;
	unsigned int c;

	while (*s && *s != stop && *s != '\n' && o + 1 < dstsz) {
		if (s[0] == '\\' && s[1] == 'x' && sscanf(s + 2, "%2x", &c) == 1) {
			dst[o++] = (char)c;
			s += 4;
		} else if (s[0] == '\\' && s[1]) {
			dst[o++] = s[1];
			s += 2;
		} else {
			dst[o++] = *s++;
		}
	}
	dst[o] = '\0';
}

static void blkid_ref(const char *img, struct ref *r)
{
	char cmd[512], line[1024];
	FILE *f;

	memset(r, 0, sizeof(*r));
	/* udev format: non-ASCII bytes come \xHH-escaped, not as M-x */
	snprintf(cmd, sizeof(cmd), "blkid -p -o udev '%s' 2>/dev/null", img);
	f = popen(cmd, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "ID_FS_TYPE=", 11))
			unescape(r->type, sizeof(r->type), line + 11, 0);
		else if (!strncmp(line, "ID_FS_UUID_ENC=", 15))
			unescape(r->uuid, sizeof(r->uuid), line + 15, 0);
		else if (!strncmp(line, "ID_FS_LABEL_ENC=", 16))
			unescape(r->label, sizeof(r->label), line + 16, 0);
		else if (!strncmp(line, "ID_FS_USAGE=", 12))
			unescape(r->usage, sizeof(r->usage), line + 12, 0);
	}
	pclose(f);
}

static void partx_field(const char *line, const char *key, char *out,
			size_t outsz)
{
	char pat[32];
	const char *p;

	snprintf(pat, sizeof(pat), "%s=\"", key);
	p = strstr(line, pat);
	out[0] = '\0';
	if (p)
		unescape(out, outsz, p + strlen(pat), '"');
}

/* Compare with `partx -g -P`, which reads the table through libblkid. */
static int partx_agrees(const char *img, const struct part_entry *parts,
			int count, char *why, size_t whysz)
{
	char cmd[512], line[1024], nr[16], start[32], sects[32], uuid[64];
	char name[256];
	FILE *f;
	int i = 0;

	snprintf(cmd, sizeof(cmd),
		 "partx -g -P -o NR,START,SECTORS,UUID,NAME '%s' 2>/dev/null",
		 img);
	f = popen(cmd, "r");
	if (!f)
		return 0;
	snprintf(why, whysz, "ok");
	while (fgets(line, sizeof(line), f)) {
		partx_field(line, "NR", nr, sizeof(nr));
		partx_field(line, "START", start, sizeof(start));
		partx_field(line, "SECTORS", sects, sizeof(sects));
		partx_field(line, "UUID", uuid, sizeof(uuid));
		partx_field(line, "NAME", name, sizeof(name));
		if (i >= count) {
			snprintf(why, whysz, "partx has more: %s", nr);
			break;
		}
		if (parts[i].number != atoi(nr) ||
		    parts[i].start != strtoull(start, NULL, 10) * 512 ||
		    parts[i].size != strtoull(sects, NULL, 10) * 512 ||
		    strcmp(parts[i].uuid, uuid) || strcmp(parts[i].name, name)) {
			snprintf(why, whysz, "#%d: partx %s %s %s %s %.64s", i,
				 nr, start, sects, uuid, name);
			break;
		}
		i++;
	}
	pclose(f);
	if (!strcmp(why, "ok") && i != count)
		snprintf(why, whysz, "partx has %d, we have %d", i, count);
	return !strcmp(why, "ok");
}

/*
 * Every prefix of a real image, with its size known and unknown, must be
 * probed without a crash and give "found", "not found" or (size unknown)
 * an I/O error: never a read past the end.
 */
#define HEAD_MAX	(192u << 10)

static const size_t cut_lens[] = {
	0, 1, 446, 511, 512, 1024, 1100, 1500, 2047, 2048, 4086, 4096, 4100,
	8191, 8192, 32768, 33000, 34816, 65536, 66000, 65536 + 4095,
	65536 + 4096, 131072, HEAD_MAX,
};

static int check_cuts(const char *img, char *why, size_t whysz)
{
	static uint8_t head[HEAD_MAX];
	static struct part_entry parts[PART_MAX];
	struct probe_result res;
	struct mem m = { .data = head };
	struct probe_src src = { .read = mem_read, .ctx = &m };
	size_t i, got;
	int fd, ret, count, unknown;
	bool eio_ok;

	fd = open(img, O_RDONLY);
	if (fd < 0)
		return 0;
	got = (size_t)read(fd, head, sizeof(head));
	close(fd);
	for (i = 0; i < sizeof(cut_lens) / sizeof(*cut_lens); i++) {
		m.len = cut_lens[i] < got ? cut_lens[i] : got;
		for (unknown = 0; unknown < 2; unknown++) {
			src.size = unknown ? 0 : m.len;
			ret = probe_device(&src, &res);
			/* src.size 0 means unknown: reads may then fail */
			eio_ok = !src.size && ret == -EIO;
			if (ret && ret != -ENOENT && !eio_ok) {
				snprintf(why, whysz, "len %zu: ret %d", m.len, ret);
				return 0;
			}
			ret = probe_partitions(&src, parts, &count);
			if (ret && !(!src.size && ret == -EIO)) {
				snprintf(why, whysz, "len %zu: parts ret %d",
					 m.len, ret);
				return 0;
			}
		}
	}
	snprintf(why, whysz, "%zu prefixes", i);
	return 1;
}

/* ---- image recipes ------------------------------------------------------ */

static bool have(const char *tool)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

/* Commands see the image as $IMG, a populated directory as $DIR. */
static int make_image(const char *dir, const char *img, const char *size,
		      const char *cmd)
{
	char sh[1024];

	unlink(img);
	if (size) {
		snprintf(sh, sizeof(sh), "truncate -s %s '%s'", size, img);
		if (system(sh))
			return -1;
	}
	setenv("IMG", img, 1);
	setenv("DIR", dir, 1);
	snprintf(sh, sizeof(sh), "( %s ) >'%s.log' 2>&1", cmd, img);
	return system(sh) ? -1 : 0;
}

/*
 * Every tool a recipe runs is installed by scripts/install-deps, so a tool
 * missing or a recipe failing is a failure of the test, never a skip: a
 * skipped prober is an untested one.  On failure all @checks points of the
 * case are reported not ok, with the recipe's log.
 */
static bool image_made(struct ktap *t, int checks, const char *name,
		       const char *tool, const char *img, int made)
{
	char log[600] = "", path[128];
	FILE *f;
	int i;

	if (!have(tool)) {
		snprintf(log, sizeof(log), "%s not installed: run scripts/install-deps", tool);
	} else if (made) {
		snprintf(path, sizeof(path), "%s.log", img);
		f = fopen(path, "r");
		if (f) {
			log[fread(log, 1, sizeof(log) - 1, f)] = '\0';
			fclose(f);
		}
		for (i = 0; log[i]; i++)
			if (log[i] == '\n')
				log[i] = ' ';
		if (!log[0])
			snprintf(log, sizeof(log), "the recipe failed: %s", path);
	} else {
		return true;
	}
	for (i = 0; i < checks; i++)
		ktap_check(t, 0, "%s # image not made: %s", name, log);
	return false;
}

struct fs_case {
	const char *name;
	const char *tool;
	const char *size;
	const char *cmd;
	const char *type;
	const char *blkid_type;	/* when blkid names it differently */
	const char *uuid;	/* NULL: only compare with blkid */
	const char *label;
	enum probe_usage usage;
	int version;
	int hibernated;
};

#define LVM_UUID	"AbCdEf-0123-4567-89ab-cdef-GhIj-KlMnOp"
#define LOSETUP(opt, x) \
	"L=$(losetup -f --show " opt " \"$IMG\") || exit 1; " x "; r=$?; " \
	"losetup -d \"$L\"; exit $r"

static const struct fs_case fs_cases[] = {
	{ .name = "ext4", .tool = "mkfs.ext4", .size = "32M",
	  .cmd = "mkfs.ext4 -q -F -L root4 -U 11111111-2222-3333-4444-555555555555 \"$IMG\"",
	  .type = "ext4", .uuid = "11111111-2222-3333-4444-555555555555",
	  .label = "root4", .usage = PROBE_FILESYSTEM },
	{ .name = "ext4 no metadata_csum", .tool = "mkfs.ext4", .size = "32M",
	  .cmd = "mkfs.ext4 -q -F -O ^metadata_csum -L e4 \"$IMG\"",
	  .type = "ext4", .label = "e4", .usage = PROBE_FILESYSTEM },
	{ .name = "ext3", .tool = "mkfs.ext3", .size = "32M",
	  .cmd = "mkfs.ext3 -q -F -L 'my root' -U 21111111-2222-3333-4444-555555555555 \"$IMG\"",
	  .type = "ext3", .uuid = "21111111-2222-3333-4444-555555555555",
	  .label = "my root", .usage = PROBE_FILESYSTEM },
	{ .name = "ext2", .tool = "mkfs.ext2", .size = "32M",
	  .cmd = "mkfs.ext2 -q -F -L r2 -U 31111111-2222-3333-4444-555555555555 \"$IMG\"",
	  .type = "ext2", .uuid = "31111111-2222-3333-4444-555555555555",
	  .label = "r2", .usage = PROBE_FILESYSTEM },
	{ .name = "xfs", .tool = "mkfs.xfs", .size = "300M",
	  .cmd = "mkfs.xfs -q -f -L xl -m uuid=22222222-3333-4444-5555-666666666666 \"$IMG\"",
	  .type = "xfs", .uuid = "22222222-3333-4444-5555-666666666666",
	  .label = "xl", .usage = PROBE_FILESYSTEM },
	{ .name = "xfs 4k sectors", .tool = "mkfs.xfs", .size = "300M",
	  .cmd = "mkfs.xfs -q -f -s size=4096 -L x4 \"$IMG\"",
	  .type = "xfs", .label = "x4", .usage = PROBE_FILESYSTEM },
	{ .name = "btrfs", .tool = "mkfs.btrfs", .size = "128M",
	  .cmd = "mkfs.btrfs -q -f -L bl -U 33333333-4444-5555-6666-777777777777 \"$IMG\"",
	  .type = "btrfs", .uuid = "33333333-4444-5555-6666-777777777777",
	  .label = "bl", .usage = PROBE_FILESYSTEM },
	{ .name = "vfat16", .tool = "mkfs.vfat", .size = "64M",
	  .cmd = "mkfs.vfat -n VLAB -i 1234abcd \"$IMG\"",
	  .type = "vfat", .uuid = "1234-ABCD", .label = "VLAB",
	  .usage = PROBE_FILESYSTEM },
	{ .name = "vfat12", .tool = "mkfs.vfat", .size = "4M",
	  .cmd = "mkfs.vfat -F 12 -n V12 -i deadbeef \"$IMG\"",
	  .type = "vfat", .uuid = "DEAD-BEEF", .label = "V12",
	  .usage = PROBE_FILESYSTEM },
	{ .name = "vfat32", .tool = "mkfs.vfat", .size = "600M",
	  .cmd = "mkfs.vfat -F 32 -n V32 -i 0badcafe \"$IMG\"",
	  .type = "vfat", .uuid = "0BAD-CAFE", .label = "V32",
	  .usage = PROBE_FILESYSTEM },
	{ .name = "vfat32 relabelled", .tool = "fatlabel", .size = "600M",
	  .cmd = "mkfs.vfat -F 32 -n OLD -i 0badcafe \"$IMG\" && fatlabel \"$IMG\" NEWER",
	  .type = "vfat", .uuid = "0BAD-CAFE", .label = "NEWER",
	  .usage = PROBE_FILESYSTEM },
	{ .name = "vfat no label", .tool = "mkfs.vfat", .size = "8M",
	  .cmd = "mkfs.vfat -i 00c0ffee \"$IMG\"",
	  .type = "vfat", .uuid = "00C0-FFEE", .label = "",
	  .usage = PROBE_FILESYSTEM },
	{ .name = "f2fs", .tool = "mkfs.f2fs", .size = "64M",
	  .cmd = "mkfs.f2fs -q -f -l f2l\xc3\xa9 -U 44444444-5555-6666-7777-888888888888 \"$IMG\"",
	  .type = "f2fs", .uuid = "44444444-5555-6666-7777-888888888888",
	  .label = "f2l\xc3\xa9", .usage = PROBE_FILESYSTEM },
	{ .name = "squashfs", .tool = "mksquashfs",
	  .cmd = "mksquashfs \"$DIR\" \"$IMG\" -quiet -noappend",
	  .type = "squashfs", .uuid = "", .label = "",
	  .usage = PROBE_FILESYSTEM },
	{ .name = "erofs", .tool = "mkfs.erofs",
	  .cmd = "mkfs.erofs -U 55555555-6666-7777-8888-999999999999 \"$IMG\" \"$DIR\"",
	  .type = "erofs", .uuid = "55555555-6666-7777-8888-999999999999",
	  .usage = PROBE_FILESYSTEM },
	{ .name = "iso9660", .tool = "genisoimage",
	  .cmd = "genisoimage -quiet -V ISO_LAB -o \"$IMG\" \"$DIR\"",
	  .type = "iso9660", .label = "ISO_LAB", .usage = PROBE_FILESYSTEM },
	{ .name = "swap", .tool = "mkswap", .size = "16M",
	  .cmd = "mkswap -L swl -U 66666666-7777-8888-9999-aaaaaaaaaaaa \"$IMG\"",
	  .type = "swap", .uuid = "66666666-7777-8888-9999-aaaaaaaaaaaa",
	  .label = "swl", .usage = PROBE_SWAP, .version = 1 },
	{ .name = "swap 64k page", .tool = "mkswap", .size = "16M",
	  .cmd = "mkswap -p 65536 -L sw64 -U 76666666-7777-8888-9999-aaaaaaaaaaaa \"$IMG\"",
	  .type = "swap", .uuid = "76666666-7777-8888-9999-aaaaaaaaaaaa",
	  .label = "sw64", .usage = PROBE_SWAP, .version = 1 },
	/* a kernel saving a hibernation image rewrites the signature */
	{ .name = "swap hibernated", .tool = "mkswap", .size = "16M",
	  .cmd = "mkswap -L hib -U 86666666-7777-8888-9999-aaaaaaaaaaaa \"$IMG\" && "
		 "printf S1SUSPEND\\\\0 | dd of=\"$IMG\" bs=1 seek=4086 conv=notrunc",
	  .type = "swap", .blkid_type = "swsuspend",
	  .uuid = "86666666-7777-8888-9999-aaaaaaaaaaaa", .label = "hib",
	  .usage = PROBE_SWAP, .hibernated = 1 },
	{ .name = "luks1", .tool = "cryptsetup", .size = "20M",
	  .cmd = "cryptsetup luksFormat --batch-mode --type luks1 --pbkdf-force-iterations 1000 "
		 "--uuid 77777777-8888-9999-aaaa-bbbbbbbbbbbb --key-file \"$DIR/key\" \"$IMG\"",
	  .type = "crypto_LUKS", .uuid = "77777777-8888-9999-aaaa-bbbbbbbbbbbb",
	  .label = "", .usage = PROBE_CRYPTO, .version = 1 },
	{ .name = "luks2", .tool = "cryptsetup", .size = "20M",
	  .cmd = "cryptsetup luksFormat --batch-mode --type luks2 --pbkdf pbkdf2 "
		 "--pbkdf-force-iterations 1000 --label cl2 "
		 "--uuid 88888888-9999-aaaa-bbbb-cccccccccccc --key-file \"$DIR/key\" \"$IMG\"",
	  .type = "crypto_LUKS", .uuid = "88888888-9999-aaaa-bbbb-cccccccccccc",
	  .label = "cl2", .usage = PROBE_CRYPTO, .version = 2 },
	/* pvcreate wants a block device; a loop device is one */
	{ .name = "lvm2 pv", .tool = "pvcreate", .size = "20M",
	  .cmd = LOSETUP("", "LVM_SUPPRESS_FD_WARNINGS=1 pvcreate -qq -ff -y --uuid "
			 LVM_UUID " --norestorefile \"$L\""),
	  .type = "LVM2_member", .uuid = LVM_UUID, .label = "",
	  .usage = PROBE_RAID },
};

#define FS_CHECKS	7

static void check_fs(struct ktap *t, const char *dir, const char *img,
		     const struct fs_case *c)
{
	struct probe_result res;
	char why[128] = "";
	struct ref ref;
	int ret;

	if (!image_made(t, FS_CHECKS, c->name, c->tool, img,
			make_image(dir, img, c->size, c->cmd)))
		return;
	ret = probe_file(img, &res, NULL, NULL);
	blkid_ref(img, &ref);
	ktap_check(t, ret == 0 && !strcmp(res.type, c->type),
		   "%s: found # ret %d type '%s'", c->name, ret, res.type);
	ktap_check(t, !strcmp(res.type, c->blkid_type ? "swap" : ref.type) &&
		   (!c->blkid_type || !strcmp(ref.type, c->blkid_type)),
		   "%s: type as blkid # '%s' '%s'", c->name, res.type, ref.type);
	ktap_check(t, !strcmp(res.uuid, ref.uuid),
		   "%s: uuid as blkid # '%s' '%s'", c->name, res.uuid, ref.uuid);
	ktap_check(t, !strcmp(res.label, ref.label),
		   "%s: label as blkid # '%s' '%s'", c->name, res.label,
		   ref.label);
	ktap_check(t, (!c->uuid || !strcmp(res.uuid, c->uuid)) &&
		   (!c->label || !strcmp(res.label, c->label)),
		   "%s: uuid and label as set # '%s' '%s'", c->name, res.uuid,
		   res.label);
	ktap_check(t, res.usage == c->usage && res.version == c->version &&
		   res.hibernated == c->hibernated &&
		   !strcmp(probe_usage_name(res.usage), ref.usage),
		   "%s: usage %s version %d hibernated %d # blkid usage '%s'",
		   c->name, probe_usage_name(res.usage), res.version,
		   res.hibernated, ref.usage);
	ktap_check(t, check_cuts(img, why, sizeof(why)),
		   "%s: truncated copies # %s", c->name, why);
}

/* ---- md superblocks, written from include/uapi/linux/raid/md_p.h -------- */

#define MD_IMG_SIZE	(4u << 20)

static void put32(uint8_t *p, uint32_t v, bool be)
{
	int i;

	for (i = 0; i < 4; i++)
		p[be ? 3 - i : i] = (uint8_t)(v >> (8 * i));
}

static void put64le(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t)v, false);
	put32(p + 4, (uint32_t)(v >> 32), false);
}

/* mdp_super_t: 32-bit words in the creating host's byte order */
static void md090_write(uint8_t *sb, bool be)
{
	memset(sb, 0, 4096);
	put32(sb + 0, MD_SB_MAGIC, be);
	put32(sb + 4, 0, be);
	put32(sb + 8, 90, be);
	put32(sb + 20, 0x01234567, be);		/* set_uuid0 */
	put32(sb + 28, 1, be);			/* level */
	put32(sb + 40, 2, be);			/* raid_disks */
	put32(sb + 52, 0x89abcdef, be);		/* set_uuid1..3 */
	put32(sb + 56, 0xfedcba98, be);
	put32(sb + 60, 0x76543210, be);
}

/* struct mdp_superblock_1, little-endian, with its checksum */
static void md1_write(uint8_t *sb, uint64_t off, const char *name)
{
	static const uint8_t uuid[16] = {
		0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6, 0x07, 0x18,
		0x29, 0x3a, 0x4b, 0x5c, 0x6d, 0x7e, 0x8f, 0x90,
	};
	uint32_t max_dev = 3;	/* odd: the checksum has a 16-bit tail */

	memset(sb, 0, 4096);
	put32(sb + 0, MD_SB_MAGIC, false);
	put32(sb + 4, 1, false);
	memcpy(sb + 16, uuid, 16);
	memcpy(sb + 32, name, strlen(name));
	put32(sb + 72, 1, false);		/* level */
	put32(sb + 92, 2, false);		/* raid_disks */
	put64le(sb + 144, off >> 9);		/* super_offset */
	put32(sb + 220, max_dev, false);
	sb[256] = 0;				/* dev_roles[0] */
	sb[258] = 1;
	sb[260] = 0xff;
	sb[261] = 0xff;
	put32(sb + 216, md1_csum(sb, 256 + 2 * max_dev), false);
}

struct md_case {
	const char *name;
	int version;		/* 0 for 0.90, else 1.minor */
	int minor;
	bool be;
	const char *uuid;
	const char *label;
};

static const struct md_case md_cases[] = {
	{ .name = "md 0.90 over ext4", .version = 0,
	  .uuid = "01234567-89ab-cdef-fedc-ba9876543210", .label = "" },
	{ .name = "md 0.90 big-endian", .version = 0, .be = true,
	  .uuid = "01234567-89ab-cdef-fedc-ba9876543210", .label = "" },
	{ .name = "md 1.0 over ext4", .version = 1, .minor = 0,
	  .uuid = "a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90", .label = "host:root" },
	{ .name = "md 1.1", .version = 1, .minor = 1,
	  .uuid = "a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90", .label = "m11" },
	{ .name = "md 1.2", .version = 1, .minor = 2,
	  .uuid = "a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90", .label = "boot" },
};

#define MD_CHECKS	4

static int write_at(const char *img, uint64_t off, const void *buf, size_t len)
{
	int fd = open(img, O_WRONLY);
	int ok;

	if (fd < 0)
		return -1;
	ok = pwrite(fd, buf, len, (off_t)off) == (ssize_t)len;
	close(fd);
	return ok ? 0 : -1;
}

static void check_md(struct ktap *t, const char *dir, const char *img,
		     const struct md_case *c)
{
	static uint8_t sb[4096];
	struct probe_result res;
	uint64_t off;
	struct ref ref;
	int ret, i;

	/* an ext4 underneath: the RAID member must still win */
	if (!image_made(t, MD_CHECKS, c->name, "mkfs.ext4", img,
			make_image(dir, img, "4M", "mkfs.ext4 -q -F -L under \"$IMG\"")))
		return;
	if (c->version == 0) {
		off = MD_IMG_SIZE - MD_RESERVED_BYTES;
		md090_write(sb, c->be);
	} else {
		off = c->minor == 0 ? MD_IMG_SIZE - 0x2000 :
		      c->minor == 1 ? 0 : 0x1000;
		md1_write(sb, off, c->label);
	}
	if (write_at(img, off, sb, sizeof(sb))) {
		for (i = 0; i < MD_CHECKS; i++)
			ktap_check(t, 0, "%s # cannot write the superblock into %s: %s",
				   c->name, img, strerror(errno));
		return;
	}
	ret = probe_file(img, &res, NULL, NULL);
	blkid_ref(img, &ref);
	ktap_check(t, ret == 0 && !strcmp(res.type, "linux_raid_member") &&
		   res.usage == PROBE_RAID && res.version == c->version,
		   "%s: found # ret %d type '%s' version %d", c->name, ret,
		   res.type, res.version);
	ktap_check(t, !strcmp(res.type, ref.type),
		   "%s: type as blkid # '%s'", c->name, ref.type);
	ktap_check(t, !strcmp(res.uuid, ref.uuid) && !strcmp(res.label, ref.label),
		   "%s: uuid and label as blkid # '%s' '%s' vs '%s' '%s'",
		   c->name, res.uuid, res.label, ref.uuid, ref.label);
	ktap_check(t, !strcmp(res.uuid, c->uuid) && !strcmp(res.label, c->label),
		   "%s: uuid and label as written # '%s' '%s'", c->name,
		   res.uuid, res.label);
}

/* ---- partition tables --------------------------------------------------- */

struct pt_case {
	const char *name;
	const char *tool;
	const char *cmd;
	bool partx;		/* partx can read it (512-byte sectors) */
	int count;
	struct part_entry first, last;	/* expected first and last entries */
};

#define GPT_CMD \
	"sgdisk -U 12345678-9abc-def0-1234-56789abcdef0 " \
	"-n 1:2048:+8M -c 1:'EFI sys' -u 1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee " \
	"-n 3:0:+16M -c 3:'r\xc3\xb6ot \xe2\x82\xac' -t 3:8300 " \
	"-u 3:0fedcba9-8765-4321-0fed-cba987654321 \"$IMG\""
#define MBR_CMD \
	"printf 'label: dos\\nlabel-id: 0xdeadbeef\\n2048,8M,83\\n,8M,83\\n" \
	",30M,5\\n,4M,83\\n,8M,82\\n,8M,83\\n' | sfdisk -q \"$IMG\""
#define CORRUPT(off) \
	" && printf X | dd of=\"$IMG\" bs=1 seek=" off " conv=notrunc"

static const struct pt_case pt_cases[] = {
	{ .name = "gpt", .tool = "sgdisk", .cmd = GPT_CMD, .partx = true,
	  .count = 2,
	  .first = { 1, 2048 * 512, 8 << 20,
		     "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "EFI sys" },
	  .last = { 3, 18432 * 512, 16 << 20,
		    "0fedcba9-8765-4321-0fed-cba987654321",
		    "r\xc3\xb6ot \xe2\x82\xac" } },
	/* a bad primary header CRC: the backup at the end takes over */
	{ .name = "gpt primary header corrupt", .tool = "sgdisk",
	  .cmd = GPT_CMD CORRUPT("600"), .partx = true, .count = 2,
	  .first = { 1, 2048 * 512, 8 << 20,
		     "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "EFI sys" },
	  .last = { 3, 18432 * 512, 16 << 20,
		    "0fedcba9-8765-4321-0fed-cba987654321",
		    "r\xc3\xb6ot \xe2\x82\xac" } },
	/* a bad primary entry array: ditto */
	{ .name = "gpt primary entries corrupt", .tool = "sgdisk",
	  .cmd = GPT_CMD CORRUPT("1100"), .partx = true, .count = 2,
	  .first = { 1, 2048 * 512, 8 << 20,
		     "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "EFI sys" },
	  .last = { 3, 18432 * 512, 16 << 20,
		    "0fedcba9-8765-4321-0fed-cba987654321",
		    "r\xc3\xb6ot \xe2\x82\xac" } },
	/* both copies bad: nothing is reported */
	{ .name = "gpt both headers corrupt", .tool = "sgdisk",
	  .cmd = GPT_CMD CORRUPT("600") CORRUPT("$((64*1024*1024-512+60))"),
	  .partx = true, .count = 0 },
	/* 4 KiB logical sectors: the header is at byte 4096 */
	{ .name = "gpt 4k sectors", .tool = "sgdisk",
	  .cmd = LOSETUP("-b 4096", "sgdisk -n 1:256:+8M -c 1:four "
			 "-u 1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee \"$L\""),
	  .count = 1,
	  .first = { 1, 256 * 4096, 8 << 20,
		     "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "four" },
	  .last = { 1, 256 * 4096, 8 << 20,
		    "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "four" } },
	{ .name = "mbr with logicals", .tool = "sfdisk", .cmd = MBR_CMD,
	  .partx = true, .count = 6,
	  .first = { 1, 2048 * 512, 8 << 20, "deadbeef-01", "" },
	  .last = { 6, 55296 * 512, 8 << 20, "deadbeef-06", "" } },
};

#define PT_CHECKS	3

static int part_eq(const struct part_entry *a, const struct part_entry *b)
{
	return a->number == b->number && a->start == b->start &&
	       a->size == b->size && !strcmp(a->uuid, b->uuid) &&
	       !strcmp(a->name, b->name);
}

static void check_pt(struct ktap *t, const char *dir, const char *img,
		     const struct pt_case *c)
{
	static struct part_entry parts[PART_MAX];
	char why[512] = "not compared";
	int ret, count = -1;

	if (!image_made(t, PT_CHECKS, c->name, c->tool, img,
			make_image(dir, img, "64M", c->cmd)))
		return;
	ret = probe_file(img, NULL, parts, &count);
	ktap_check(t, ret == 0 && count == c->count,
		   "%s: count # ret %d count %d", c->name, ret, count);
	ktap_check(t, !c->count || (part_eq(&parts[0], &c->first) &&
				    part_eq(&parts[count - 1], &c->last)),
		   "%s: entries as created # first %d %llu %llu %s '%s'",
		   c->name, parts[0].number,
		   (unsigned long long)parts[0].start,
		   (unsigned long long)parts[0].size, parts[0].uuid,
		   parts[0].name);
	if (!c->partx)
		ktap_skip(t, c->name, "partx cannot read 4k-sector tables from a file");
	else if (!have("partx"))
		ktap_check(t, 0, "%s: as partx # partx not installed: run scripts/install-deps",
			   c->name);
	else
		ktap_check(t, partx_agrees(img, parts, count, why, sizeof(why)),
			   "%s: as partx # %s", c->name, why);
}

/* ---- pure negative cases ------------------------------------------------ */

#define NEG_CHECKS	7

static void check_negative(struct ktap *t, const char *img)
{
	static struct part_entry parts[PART_MAX];
	static const uint8_t pair[] = { 0x3d, 0xd8, 0x00, 0xde, 'x', 0 };
	static const uint8_t lone[] = { 0x00, 0xdc, 'y', 0, 0, 0 };
	static uint8_t zero[1 << 20];
	struct mem m = { .data = zero, .len = sizeof(zero) };
	struct probe_src src = { .read = mem_read, .ctx = &m,
				 .size = sizeof(zero) };
	struct probe_result res;
	char u8[16];
	int ret, count = -1;

	ktap_check(t, probe_all_built(), "every prober built into the test");
	ret = probe_device(&src, &res);
	ktap_check(t, ret == -ENOENT && !res.type[0],
		   "zeroed device: nothing # ret %d", ret);
	ret = probe_partitions(&src, parts, &count);
	ktap_check(t, ret == 0 && count == 0,
		   "zeroed device: no partitions # ret %d count %d", ret, count);
	/* the magic alone is not enough: the superblock must make sense */
	memcpy(zero + 1024 + 0x38, "\x53\xef", 2);
	memcpy(zero + 0x36, "FAT16   ", 8);
	memcpy(zero, "XFSB", 4);
	ret = probe_device(&src, &res);
	ktap_check(t, ret == -ENOENT, "bare magics: nothing # ret %d '%s'",
		   ret, res.type);
	ret = probe_file(img, &res, NULL, NULL);
	ktap_check(t, ret == -ENOENT, "missing image: -ENOENT # ret %d", ret);
	probe_utf16_to_utf8(u8, sizeof(u8), pair, 3, false);
	KTAP_EQ_STR(t, u8, "\xf0\x9f\x98\x80x", "utf16 surrogate pair");
	probe_utf16_to_utf8(u8, sizeof(u8), lone, 3, false);
	KTAP_EQ_STR(t, u8, "\xef\xbf\xbdy", "utf16 lone surrogate");
}

#define FORGED_CHECKS	8

/* an LVM2 label in sector 1 whose PV id is @id (32 bytes) */
static void lvm_label(uint8_t *dev, const char *id)
{
	uint8_t *l = dev + 512;

	memset(dev, 0, 2048);
	memcpy(l, "LABELONE", 8);
	put64le(l + 8, 1);
	put32(l + 20, 32, false);
	memcpy(l + 24, "LVM2 001", 8);
	memcpy(l + 32, id, 32);
	put32(l + 16, probe_crc(LVM2_CRC_INIT, CRC32_POLY, l + 20, 512 - 20), false);
}

/* an ISO 9660 primary volume descriptor whose dates are @date (16 bytes) */
static void iso_pvd(uint8_t *dev, const char *date)
{
	uint8_t *pvd = dev + 0x8000;

	memset(dev, 0, 0x8000 + 2048);
	pvd[0] = 1;
	memcpy(pvd + 1, "CD001", 5);
	memcpy(pvd + 40, "ISO_LAB", 7);
	memcpy(pvd + 813, date, 16);
	memcpy(pvd + 830, date, 16);
}

/*
 * Identifiers from disks are checked against their format: a forged LVM
 * PV id or ISO 9660 date ("../", ESC, CR) leaves the device without a
 * UUID; the type is still found, and the genuine forms still give one.
 */
static void check_forged_ids(struct ktap *t)
{
	static uint8_t dev[0x8000 + 2048];
	struct mem m = { .data = dev, .len = sizeof(dev) };
	struct probe_src src = { .read = mem_read, .ctx = &m, .size = sizeof(dev) };
	struct probe_result res;
	int ret;

	lvm_label(dev, "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1x!");
	ret = probe_device(&src, &res);
	KTAP_EQ_STR(t, res.type, "LVM2_member", "lvm genuine id: a PV");
	ktap_check(t, ret == 0 && !strcmp(res.uuid, "aB3dE5-fG7h-J9kL-1mN3-pQ5r-S7tU-9vW1x!"),
		   "lvm genuine id: its UUID # ret %d '%s'", ret, escaped(res.uuid));
	lvm_label(dev, "../../../dev/vda\x1b[2J\rfake-prompt:");
	ret = probe_device(&src, &res);
	KTAP_EQ_STR(t, res.type, "LVM2_member", "lvm forged id: still a PV");
	ktap_check(t, ret == 0 && !res.uuid[0], "lvm forged id: no UUID # ret %d '%s'",
		   ret, escaped(res.uuid));

	iso_pvd(dev, "2024010112000000");
	ret = probe_device(&src, &res);
	KTAP_EQ_STR(t, res.type, "iso9660", "iso genuine date: iso9660");
	ktap_check(t, ret == 0 && !strcmp(res.uuid, "2024-01-01-12-00-00-00"),
		   "iso genuine date: its UUID # ret %d '%s'", ret, escaped(res.uuid));
	iso_pvd(dev, "../x\x1b[2J\r123456");
	ret = probe_device(&src, &res);
	KTAP_EQ_STR(t, res.type, "iso9660", "iso forged date: still iso9660");
	ktap_check(t, ret == 0 && !res.uuid[0], "iso forged date: no UUID # ret %d '%s'",
		   ret, escaped(res.uuid));
}

int main(void)
{
	const size_t nfs = sizeof(fs_cases) / sizeof(*fs_cases);
	const size_t nmd = sizeof(md_cases) / sizeof(*md_cases);
	const size_t npt = sizeof(pt_cases) / sizeof(*pt_cases);
	const int planned = (int)(nfs * FS_CHECKS + nmd * MD_CHECKS +
				  npt * PT_CHECKS) + NEG_CHECKS + FORGED_CHECKS;
	char tmp[] = "/tmp/probe_test.XXXXXX", dir[64], img[64], cmd[256];
	struct ktap t = { 0 };
	size_t i;
	int rc;

	/* the mkfs tools live in sbin, which a user's PATH may lack */
	snprintf(cmd, sizeof(cmd), "%s:/usr/sbin:/sbin", getenv("PATH") ?: "/usr/bin:/bin");
	setenv("PATH", cmd, 1);
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(dir, sizeof(dir), "%s/content", tmp);
	snprintf(img, sizeof(img), "%s/disk.img", tmp);
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s' && echo hello >'%s/a' && "
		 "head -c 32 /dev/urandom >'%s/key'", dir, dir, dir);
	if (system(cmd))
		return 1;
	ktap_begin("probe", planned);
	for (i = 0; i < nfs; i++)
		check_fs(&t, dir, img, &fs_cases[i]);
	for (i = 0; i < nmd; i++)
		check_md(&t, dir, img, &md_cases[i]);
	for (i = 0; i < npt; i++)
		check_pt(&t, dir, img, &pt_cases[i]);
	unlink(img);
	check_negative(&t, img);
	check_forged_ids(&t);
	rc = ktap_end(&t, planned);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	if (system(cmd))
		rc = 1;
	return rc;
}
