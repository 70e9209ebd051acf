// SPDX-License-Identifier: GPL-2.0
/*
 * probe.c - identify filesystems, swap, LUKS, LVM and md members by their
 * superblocks, and read GPT/MBR partition tables, the way blkid names them.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "probe.h"

/*
 * Everything on disk is read through these: never cast a buffer to a wider
 * type, the on-disk byte order is part of each format, not of the host.
 */
static uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint16_t get_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[3] | (uint32_t)p[2] << 8 |
	       (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
}

static uint64_t get_le64(const uint8_t *p)
{
	return (uint64_t)get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

static uint64_t get_be64(const uint8_t *p)
{
	return (uint64_t)get_be32(p) << 32 | (uint64_t)get_be32(p + 4);
}

/*
 * A read past the known end of the device means "this format is not
 * here", not an I/O error: a small device simply cannot hold it.
 */
static int src_read(const struct probe_src *src, uint64_t off, void *buf,
		    size_t len)
{
	if (len > UINT64_MAX - off)
		return -ENOENT;
	if (src->size && off + len > src->size)
		return -ENOENT;
	return src->read(src->ctx, off, buf, len);
}

#define CRC32_POLY	0xedb88320u	/* GPT, LVM2 */
#define CRC32C_POLY	0x82f63b78u	/* ext4, xfs, btrfs */

/*
 * Bitwise reflected CRC with no final inversion: callers add the
 * initial value and the final xor their format specifies.  Slow but
 * table-free, and the regions checksummed at boot are a few KiB.
 */
static uint32_t crc_update(uint32_t crc, uint32_t poly, const uint8_t *p,
			   size_t len)
{
	int k;

	while (len--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (poly & (0u - (crc & 1)));
	}
	return crc;
}

static const char hex_lower[] = "0123456789abcdef";

static bool all_zero(const uint8_t *p, size_t len)
{
	while (len--)
		if (*p++)
			return false;
	return true;
}

/* 16 bytes in disk order as 8-4-4-4-12; all-zero means "no UUID" (blkid). */
static void set_uuid16(struct probe_result *res, const uint8_t *b)
{
	char *o = res->uuid;
	int i;

	res->uuid[0] = '\0';
	if (all_zero(b, 16))
		return;
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*o++ = '-';
		*o++ = hex_lower[b[i] >> 4];
		*o++ = hex_lower[b[i] & 15];
	}
	*o = '\0';
}

static bool is_space(uint8_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * Copy a fixed-width text field the way blkid does: up to the first NUL,
 * trailing white space dropped.  Bytes are kept as they are so that a
 * LABEL= on the command line compares with what blkid showed the user.
 */
static void copy_text(char *dst, size_t dstsz, const uint8_t *p, size_t len)
{
	size_t n = 0;

	while (n < len && n + 1 < dstsz && p[n]) {
		dst[n] = (char)p[n];
		n++;
	}
	while (n && is_space((uint8_t)dst[n - 1]))
		n--;
	dst[n] = '\0';
}

static void set_label(struct probe_result *res, const uint8_t *p, size_t len)
{
	copy_text(res->label, sizeof(res->label), p, len);
}

/*
 * UTF-16 (@units code units, either byte order) to NUL-terminated UTF-8,
 * stopping at a NUL unit.  Only whole characters are written; unpaired
 * surrogates become U+FFFD.
 */
static void utf16_to_utf8(char *dst, size_t dstsz, const uint8_t *p,
			  size_t units, bool be)
{
	size_t i, o = 0;

	for (i = 0; i < units; i++) {
		uint32_t c = be ? get_be16(p + 2 * i) : get_le16(p + 2 * i);
		size_t n;

		if (!c)
			break;
		if (c >= 0xd800 && c < 0xdc00 && i + 1 < units) {
			uint32_t lo = be ? get_be16(p + 2 * i + 2) :
					   get_le16(p + 2 * i + 2);

			if (lo >= 0xdc00 && lo < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				i++;
			}
		}
		if (c >= 0xd800 && c < 0xe000)
			c = 0xfffd;
		n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		if (o + n >= dstsz)
			break;
		if (n == 1) {
			dst[o++] = (char)c;
			continue;
		}
		if (n == 2) {
			dst[o++] = (char)(0xc0 | c >> 6);
		} else if (n == 3) {
			dst[o++] = (char)(0xe0 | c >> 12);
			dst[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
		} else {
			dst[o++] = (char)(0xf0 | c >> 18);
			dst[o++] = (char)(0x80 | ((c >> 12) & 0x3f));
			dst[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
		}
		dst[o++] = (char)(0x80 | (c & 0x3f));
	}
	dst[o] = '\0';
}

/* ---- md RAID (linux_raid_member) --------------------------------------- */

#define MD_SB_MAGIC		0xa92b4efcu
#define MD_RESERVED_BYTES	0x10000u	/* 0.90 sits in the last 64 KiB */
#define MD_SB1_MAX		4096u		/* mdadm's MAX_SB_SIZE */

/*
 * 0.90 stores the UUID as four host-endian words; the magic tells which
 * endianness the creating host had.  blkid prints each word's value as
 * big-endian bytes, so does mdadm ("%08x:%08x:...").
 */
static int probe_md090(const struct probe_src *src, struct probe_result *res,
		       uint64_t off)
{
	static const unsigned int word_off[4] = { 20, 52, 56, 60 };
	uint8_t sb[64], uuid[16] = { 0 };
	uint32_t (*get32)(const uint8_t *p);
	int i, n, ret;

	ret = src_read(src, off, sb, sizeof(sb));
	if (ret)
		return ret;
	if (get_le32(sb) == MD_SB_MAGIC)
		get32 = get_le32;
	else if (get_be32(sb) == MD_SB_MAGIC)
		get32 = get_be32;
	else
		return -ENOENT;
	/* Before 0.90 only the first word existed. */
	n = get32(sb + 8) >= 90 ? 4 : 1;
	for (i = 0; i < n; i++) {
		uint32_t w = get32(sb + word_off[i]);

		uuid[4 * i] = (uint8_t)(w >> 24);
		uuid[4 * i + 1] = (uint8_t)(w >> 16);
		uuid[4 * i + 2] = (uint8_t)(w >> 8);
		uuid[4 * i + 3] = (uint8_t)w;
	}
	set_uuid16(res, uuid);
	res->version = 0;
	return 0;
}

/* The kernel's calc_sb_1_csum(): 32-bit LE words summed, carry folded. */
static uint32_t md1_csum(const uint8_t *sb, size_t size)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i + 4 <= size; i += 4)
		if (i != 216)
			sum += get_le32(sb + i);
	if (size & 2)
		sum += get_le16(sb + i);
	return (uint32_t)((sum & 0xffffffffu) + (sum >> 32));
}

static int probe_md1(const struct probe_src *src, struct probe_result *res,
		     uint64_t off)
{
	uint8_t sb[MD_SB1_MAX];
	uint32_t max_dev;
	size_t size;
	int ret;

	ret = src_read(src, off, sb, 256);
	if (ret)
		return ret;
	if (get_le32(sb) != MD_SB_MAGIC || get_le32(sb + 4) != 1)
		return -ENOENT;
	/* super_offset names where this copy lives: rejects stale copies. */
	if (get_le64(sb + 144) != off >> 9)
		return -ENOENT;
	max_dev = get_le32(sb + 220);
	if (max_dev > (MD_SB1_MAX - 256) / 2)
		return -ENOENT;
	size = 256 + 2 * (size_t)max_dev;
	if (size > 256) {
		ret = src_read(src, off + 256, sb + 256, size - 256);
		if (ret)
			return ret;
	}
	if (md1_csum(sb, size) != get_le32(sb + 216))
		return -ENOENT;
	set_uuid16(res, sb + 16);
	set_label(res, sb + 32, 32);
	res->version = 1;
	return 0;
}

/*
 * blkid's order: 0.90 and 1.0 at the end first, then 1.1 at 0 and 1.2 at
 * 4 KiB.  The end-of-device formats need the size; a RAID1 leg with them
 * also shows the filesystem at offset 0, which is why md goes first.
 */
static int probe_md(const struct probe_src *src, struct probe_result *res)
{
	int ret;

	if (src->size > MD_RESERVED_BYTES) {
		ret = probe_md090(src, res, (src->size &
				  ~(uint64_t)(MD_RESERVED_BYTES - 1)) -
				  MD_RESERVED_BYTES);
		if (ret != -ENOENT)
			return ret;
		ret = probe_md1(src, res, (src->size & ~(uint64_t)0xfff) -
				0x2000);
		if (ret != -ENOENT)
			return ret;
	}
	ret = probe_md1(src, res, 0);
	if (ret != -ENOENT)
		return ret;
	return probe_md1(src, res, 0x1000);
}

/* ---- LVM2 physical volume ---------------------------------------------- */

#define LVM2_SECTOR	512u
#define LVM2_CRC_INIT	0xf597a6cfu
#define LVM2_ID_LEN	32

static void set_lvm_uuid(struct probe_result *res, const uint8_t *id)
{
	char *o = res->uuid;
	int i;

	/* LVM shows its 32-character ids as 6-4-4-4-4-4-6; so does blkid. */
	for (i = 0; i < LVM2_ID_LEN && id[i]; i++) {
		if (i == 6 || i == 10 || i == 14 || i == 18 || i == 22 ||
		    i == 26)
			*o++ = '-';
		*o++ = (char)id[i];
	}
	*o = '\0';
}

static int probe_lvm2(const struct probe_src *src, struct probe_result *res)
{
	uint8_t buf[4 * LVM2_SECTOR];
	unsigned int i;
	int ret;

	ret = src_read(src, 0, buf, sizeof(buf));
	if (ret)
		return ret;
	/* The label may be in any of the first four sectors (usually 1). */
	for (i = 0; i < 4; i++) {
		const uint8_t *l = buf + i * LVM2_SECTOR;
		uint32_t off;

		if (memcmp(l, "LABELONE", 8) || memcmp(l + 24, "LVM2 001", 8))
			continue;
		if (get_le64(l + 8) != i)
			continue;
		if (crc_update(LVM2_CRC_INIT, CRC32_POLY, l + 20,
			       LVM2_SECTOR - 20) != get_le32(l + 16))
			continue;
		off = get_le32(l + 20);
		if (off > LVM2_SECTOR - LVM2_ID_LEN)
			continue;
		set_lvm_uuid(res, l + off);
		return 0;
	}
	return -ENOENT;
}

/* ---- LUKS1 / LUKS2 ------------------------------------------------------ */

static int probe_luks(const struct probe_src *src, struct probe_result *res)
{
	static const uint8_t magic[6] = { 'L', 'U', 'K', 'S', 0xba, 0xbe };
	uint8_t hdr[512];
	unsigned int version;
	int ret;

	ret = src_read(src, 0, hdr, sizeof(hdr));
	if (ret)
		return ret;
	if (memcmp(hdr, magic, sizeof(magic)))
		return -ENOENT;
	version = get_be16(hdr + 6);
	if (version == 2) {
		/* hdr_offset names this copy; the primary is at 0. */
		if (get_be64(hdr + 256))
			return -ENOENT;
		/* The binary header holds the label: no JSON needed. */
		set_label(res, hdr + 24, 48);
	} else if (version != 1) {
		return -ENOENT;
	}
	/* The UUID is stored as text; blkid shows it verbatim. */
	copy_text(res->uuid, sizeof(res->uuid), hdr + 168, 40);
	res->version = (int)version;
	return 0;
}

/* ---- FAT12/16/32 (vfat) ------------------------------------------------- */

#define FAT12_MAX	0xff4u
#define FAT16_MAX	0xfff4u
#define FAT32_MAX	0x0ffffff6u
#define FAT_DIRENT	32u
#define FAT_CHAIN_MAX	100	/* blkid's bound on the root directory chain */

static bool is_pow2(uint32_t v)
{
	return v && !(v & (v - 1));
}

/*
 * Look for the volume label entry among @entries directory entries at
 * @off.  1 and @label filled when found, 0 when not, or -errno.
 */
static int fat_find_label(const struct probe_src *src, uint64_t off,
			  uint64_t entries, uint8_t label[11])
{
	uint8_t buf[512];
	uint64_t i;
	int ret;

	for (i = 0; i < entries; i++) {
		const uint8_t *e = buf + (i % (sizeof(buf) / FAT_DIRENT)) *
				   FAT_DIRENT;

		if (i % (sizeof(buf) / FAT_DIRENT) == 0) {
			ret = src_read(src, off + i * FAT_DIRENT, buf,
				       sizeof(buf));
			if (ret)
				return ret == -ENOENT ? 0 : ret;
		}
		if (e[0] == 0)
			return 0;
		/* deleted, has data (not a label), or a long-name slot */
		if (e[0] == 0xe5 || get_le16(e + 20) || get_le16(e + 26) ||
		    (e[11] & 0x3f) == 0x0f)
			continue;
		if ((e[11] & 0x18) == 0x08) {
			memcpy(label, e, 11);
			/* 0x05 stands for a leading 0xe5 byte */
			if (label[0] == 0x05)
				label[0] = 0xe5;
			return 1;
		}
	}
	return 0;
}

/* FAT32's root directory is a cluster chain: follow it, boundedly. */
static int fat32_find_label(const struct probe_src *src, const uint8_t *bs,
			    uint64_t data_sect, uint8_t label[11])
{
	uint32_t ssz = get_le16(bs + 11), csz = bs[13];
	uint64_t entries = (uint64_t)get_le32(bs + 36) * ssz / 4;
	uint32_t next = get_le32(bs + 44);
	uint8_t fe[4];
	int loop, ret;

	for (loop = 0; loop < FAT_CHAIN_MAX; loop++) {
		if (next < 2 || next >= entries)
			return 0;
		ret = fat_find_label(src, (data_sect + (uint64_t)(next - 2) *
					   csz) * ssz,
				     (uint64_t)csz * ssz / FAT_DIRENT, label);
		if (ret)
			return ret;
		ret = src_read(src, (uint64_t)get_le16(bs + 14) * ssz +
			       (uint64_t)next * 4, fe, sizeof(fe));
		if (ret)
			return ret == -ENOENT ? 0 : ret;
		next = get_le32(fe) & 0x0fffffffu;
	}
	return 0;
}

/* FSInfo signatures, or zeros: some mkdosfs versions left them unset. */
static int fat32_fsinfo_ok(const struct probe_src *src, const uint8_t *bs)
{
	uint8_t fi[488];
	uint16_t sect = get_le16(bs + 48);
	int ret;

	if (!sect)
		return 0;
	ret = src_read(src, (uint64_t)sect * get_le16(bs + 11), fi,
		       sizeof(fi));
	if (ret)
		return ret;
	if (memcmp(fi, "RRaA", 4) && memcmp(fi, "RRdA", 4) &&
	    !all_zero(fi, 4))
		return -ENOENT;
	if (memcmp(fi + 484, "rrAa", 4) && !all_zero(fi + 484, 4))
		return -ENOENT;
	return 0;
}

/*
 * blkid's fat_valid_superblock(): a 0x55AA or a jump opcode is a weak
 * hint, so the BPB must make sense before we call it FAT.
 * Return: 12, 16 or 32, or -ENOENT.
 */
static int fat_bits(const uint8_t *bs, bool weak)
{
	uint32_t ssz = get_le16(bs + 11), csz = bs[13];
	uint32_t reserved = get_le16(bs + 14), fats = bs[16];
	uint32_t dirents = get_le16(bs + 17), media = bs[21];
	uint64_t sects = get_le16(bs + 19), fatlen = get_le16(bs + 22);
	uint64_t meta, clusters;

	if (weak && (bs[510] != 0x55 || bs[511] != 0xaa ||
		     !memcmp(bs + 0x36, "JFS     ", 8) ||
		     !memcmp(bs + 0x36, "HPFS    ", 8)))
		return -ENOENT;
	if (!fats || !reserved || !(media >= 0xf8 || media == 0xf0) ||
	    !is_pow2(csz) || !is_pow2(ssz) || ssz < 512 || ssz > 4096)
		return -ENOENT;
	if (!sects)
		sects = get_le32(bs + 32);
	if (!fatlen)
		fatlen = get_le32(bs + 36);
	meta = reserved + fatlen * fats +
	       (dirents * FAT_DIRENT + ssz - 1) / ssz;
	if (meta > sects)
		return -ENOENT;
	clusters = (sects - meta) / csz;
	if (!get_le16(bs + 22) && get_le32(bs + 36))
		return clusters > FAT32_MAX ? -ENOENT : 32;
	if (clusters > FAT16_MAX)
		return -ENOENT;
	return clusters > FAT12_MAX ? 16 : 12;
}

static bool fat_strong_magic(const uint8_t *bs)
{
	return !memcmp(bs + 0x52, "MSWIN", 5) ||
	       !memcmp(bs + 0x52, "FAT32   ", 8) ||
	       !memcmp(bs + 0x36, "MSDOS", 5) ||
	       !memcmp(bs + 0x36, "FAT16   ", 8) ||
	       !memcmp(bs + 0x36, "FAT12   ", 8) ||
	       !memcmp(bs + 0x36, "FAT     ", 8);
}

static int probe_vfat(const struct probe_src *src, struct probe_result *res)
{
	uint8_t bs[512], label[11];
	const uint8_t *serial;
	uint64_t ssz, first;
	int bits, ret;

	ret = src_read(src, 0, bs, sizeof(bs));
	if (ret)
		return ret;
	if (fat_strong_magic(bs))
		bits = fat_bits(bs, false);
	else if (bs[0] == 0xeb || bs[0] == 0xe9 ||
		 (bs[510] == 0x55 && bs[511] == 0xaa))
		bits = fat_bits(bs, true);
	else
		return -ENOENT;
	if (bits < 0)
		return bits;
	ssz = get_le16(bs + 11);
	/* first sector after the FATs: root dir (12/16) or data (32) */
	first = get_le16(bs + 14) + (uint64_t)bs[16] *
		(bits == 32 ? get_le32(bs + 36) : get_le16(bs + 22));
	if (bits == 32) {
		ret = fat32_fsinfo_ok(src, bs);
		if (ret)
			return ret;
		ret = fat32_find_label(src, bs, first, label);
		serial = bs + 0x43;
	} else {
		ret = fat_find_label(src, first * ssz, get_le16(bs + 17),
				     label);
		serial = bs + 0x27;
	}
	if (ret < 0)
		return ret;
	/* The root directory entry is the label; the BPB copy goes stale. */
	if (ret)
		set_label(res, label, sizeof(label));
	if (!all_zero(serial, 4)) {
		const uint8_t order[4] = { 3, 2, 1, 0 };
		char *o = res->uuid;
		int i;

		/* blkid prints the serial as "%02X%02X-%02X%02X" */
		for (i = 0; i < 4; i++) {
			if (i == 2)
				*o++ = '-';
			*o++ = "0123456789ABCDEF"[serial[order[i]] >> 4];
			*o++ = "0123456789ABCDEF"[serial[order[i]] & 15];
		}
		*o = '\0';
	}
	return 0;
}

/* ---- swap ---------------------------------------------------------------- */

struct swap_magic {
	const char *magic;
	size_t len;
	int version;
	bool hibernated;
};

/*
 * The signature ends the first page, whose size the creating kernel
 * chose; swsusp/uswsusp overwrite it with theirs while an image is saved.
 */
static const struct swap_magic swap_magics[] = {
	{ .magic = "SWAPSPACE2", .len = 10, .version = 1 },
	{ .magic = "SWAP-SPACE", .len = 10, .version = 0 },
	{ .magic = "S1SUSPEND", .len = 9, .hibernated = true },
	{ .magic = "S2SUSPEND", .len = 9, .hibernated = true },
	{ .magic = "ULSUSPEND", .len = 9, .hibernated = true },
	{ .magic = "LINHIB0001", .len = 10, .hibernated = true },
};

static const uint32_t swap_page_sizes[] = {
	0x1000, 0x2000, 0x4000, 0x8000, 0x10000,
};

static const struct swap_magic *swap_find(const struct probe_src *src)
{
	uint8_t sig[10];
	size_t p, m;

	for (p = 0; p < sizeof(swap_page_sizes) / sizeof(*swap_page_sizes);
	     p++) {
		if (src_read(src, swap_page_sizes[p] - sizeof(sig), sig,
			     sizeof(sig)))
			continue;
		for (m = 0; m < sizeof(swap_magics) / sizeof(*swap_magics); m++)
			if (!memcmp(sig, swap_magics[m].magic,
				    swap_magics[m].len))
				return &swap_magics[m];
	}
	return NULL;
}

static int probe_swap(const struct probe_src *src, struct probe_result *res)
{
	const struct swap_magic *m = swap_find(src);
	uint8_t h[180];		/* header after the 1 KiB of boot bits */
	int ret;

	if (!m)
		return -ENOENT;
	res->version = m->version;
	res->hibernated = m->hibernated;
	if (!m->version && !m->hibernated)
		return 0;	/* v0 has a bitmap there, no label/UUID */
	ret = src_read(src, 1024, h, sizeof(h));
	if (ret)
		return ret;
	/* SWAPSPACE2 of either byte order, with a page count */
	if (m->version == 1 && ((get_le32(h) != 1 && get_be32(h) != 1) ||
				!get_le32(h + 4)))
		return -ENOENT;
	/* blkid's sanity check that the padding is not garbage */
	if (!all_zero(h + 172, 8))
		return 0;
	set_label(res, h + 28, 16);
	set_uuid16(res, h + 12);
	return 0;
}

/* ---- XFS ---------------------------------------------------------------- */

#define XFS_SB_CRC_OFF	224u

/* The v5 superblock CRC covers a whole sector, read piecewise. */
static int xfs_crc_ok(const struct probe_src *src, const uint8_t *sb,
		      uint32_t sectsize)
{
	static const uint8_t zero[4];
	uint8_t buf[512];
	uint32_t crc = ~0u, off;
	int ret;

	crc = crc_update(crc, CRC32C_POLY, sb, XFS_SB_CRC_OFF);
	crc = crc_update(crc, CRC32C_POLY, zero, sizeof(zero));
	crc = crc_update(crc, CRC32C_POLY, sb + XFS_SB_CRC_OFF + 4,
			 512 - XFS_SB_CRC_OFF - 4);
	for (off = 512; off < sectsize; off += sizeof(buf)) {
		ret = src_read(src, off, buf, sizeof(buf));
		if (ret)
			return ret;
		crc = crc_update(crc, CRC32C_POLY, buf, sizeof(buf));
	}
	return ~crc == get_le32(sb + XFS_SB_CRC_OFF) ? 0 : -ENOENT;
}

static int probe_xfs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[512];
	uint32_t bsize, ssize, isize;
	unsigned int blog, slog, ilog;
	int ret;

	ret = src_read(src, 0, sb, sizeof(sb));
	if (ret)
		return ret;
	if (memcmp(sb, "XFSB", 4))
		return -ENOENT;
	bsize = get_be32(sb + 4);
	ssize = get_be16(sb + 102);
	isize = get_be16(sb + 104);
	blog = sb[120];
	slog = sb[121];
	ilog = sb[122];
	/* a subset of xfs_verify_sb(), as blkid applies it */
	if (!get_be32(sb + 88) || slog < 9 || slog > 15 ||
	    ssize != 1u << slog || blog < 9 || blog > 16 ||
	    bsize != 1u << blog || ilog < 8 || ilog > 11 ||
	    isize != 1u << ilog || blog - ilog != sb[123] ||
	    sb[127] > 100 || !get_be64(sb + 8))
		return -ENOENT;
	if ((get_be16(sb + 100) & 0x0f) == 5) {
		ret = xfs_crc_ok(src, sb, ssize);
		if (ret)
			return ret;
	}
	set_uuid16(res, sb + 32);
	set_label(res, sb + 108, 12);
	return 0;
}

/* ---- ext2/ext3/ext4 ----------------------------------------------------- */

#define EXT_SB_OFF		1024u
#define EXT_COMPAT_JOURNAL	0x0004u
#define EXT_INCOMPAT_JOURNAL_DEV 0x0008u
#define EXT_RO_COMPAT_CSUM	0x0400u
#define EXT_FLAGS_TEST_FS	0x0004u
/* what ext2 and ext3 drivers understood, per blkid */
#define EXT2_RO_COMPAT_SUPP	0x0007u
#define EXT2_INCOMPAT_SUPP	0x0012u
#define EXT3_INCOMPAT_SUPP	0x0016u

/* blkid's ext4dev/ext4/ext3/ext2 probers, in its order, as one decision. */
static const char *ext_type(const uint8_t *sb)
{
	uint32_t compat = get_le32(sb + 0x5c), incompat = get_le32(sb + 0x60);
	uint32_t ro = get_le32(sb + 0x64);
	bool ro_unsupp = ro & ~EXT2_RO_COMPAT_SUPP;

	if (incompat & EXT_INCOMPAT_JOURNAL_DEV)
		return NULL;	/* an external journal: nothing to mount */
	if (get_le32(sb + 0x160) & EXT_FLAGS_TEST_FS)
		return "ext4dev";
	/* ext4 is whatever uses a feature ext3 does not know */
	if (ro_unsupp || (incompat & ~EXT3_INCOMPAT_SUPP))
		return "ext4";
	if (compat & EXT_COMPAT_JOURNAL)
		return "ext3";
	if (!(incompat & ~EXT2_INCOMPAT_SUPP))
		return "ext2";
	return NULL;
}

static int probe_ext(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[1024];
	const char *type;
	int ret;

	ret = src_read(src, EXT_SB_OFF, sb, sizeof(sb));
	if (ret)
		return ret;
	if (get_le16(sb + 0x38) != 0xef53)
		return -ENOENT;
	if ((get_le32(sb + 0x64) & EXT_RO_COMPAT_CSUM) &&
	    crc_update(~0u, CRC32C_POLY, sb, 0x3fc) != get_le32(sb + 0x3fc))
		return -ENOENT;
	/*
	 * Beyond blkid: counts the kernel would refuse, so that a stray
	 * 0xEF53 in zeroed space is not called ext2.
	 */
	if (!get_le32(sb) || !get_le32(sb + 4) || get_le32(sb + 0x18) > 6 ||
	    !get_le32(sb + 0x20) || !get_le32(sb + 0x28))
		return -ENOENT;
	type = ext_type(sb);
	if (!type)
		return -ENOENT;
	copy_text(res->type, sizeof(res->type), (const uint8_t *)type,
		  strlen(type));
	set_uuid16(res, sb + 0x68);
	set_label(res, sb + 0x78, 16);
	return 0;
}

/* ---- ISO 9660 ----------------------------------------------------------- */

/*
 * blkid makes a UUID of the modification (else creation) date's 16
 * characters, "YYYY-MM-DD-HH-MM-SS-cc"; all '0' with no offset is unset.
 */
static bool iso_date_uuid(struct probe_result *res, const uint8_t *d)
{
	char *o = res->uuid;
	int i, zeros = 0;

	for (i = 0; i < 16; i++)
		zeros += d[i] == '0';
	if ((zeros == 16 && !d[16]) || all_zero(d, 16))
		return false;
	for (i = 0; i < 16; i++) {
		if (i >= 4 && !(i & 1))
			*o++ = '-';
		*o++ = (char)d[i];
	}
	*o = '\0';
	return true;
}

static int probe_iso9660(const struct probe_src *src, struct probe_result *res)
{
	uint8_t pvd[2048];
	int ret;

	ret = src_read(src, 0x8000, pvd, sizeof(pvd));
	if (ret)
		return ret;
	if (pvd[0] != 1 || memcmp(pvd + 1, "CD001", 5))
		return -ENOENT;
	set_label(res, pvd + 40, 32);
	if (!iso_date_uuid(res, pvd + 830))
		iso_date_uuid(res, pvd + 813);
	return 0;
}

/* ---- squashfs, btrfs, f2fs, erofs --------------------------------------- */

static int probe_squashfs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[32];
	int ret;

	ret = src_read(src, 0, sb, sizeof(sb));
	if (ret)
		return ret;
	/* 4.0 is the only version Linux mounts; no UUID or label exists */
	if (memcmp(sb, "hsqs", 4) || get_le16(sb + 28) < 4)
		return -ENOENT;
	(void)res;
	return 0;
}

#define BTRFS_SB_OFF	0x10000u
#define BTRFS_SB_SIZE	4096u

static int probe_btrfs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[BTRFS_SB_SIZE];
	int ret;

	ret = src_read(src, BTRFS_SB_OFF, sb, sizeof(sb));
	if (ret)
		return ret;
	if (memcmp(sb + 0x40, "_BHRfS_M", 8))
		return -ENOENT;
	/* crc32c is the default csum_type 0; the others are not checked */
	if (!get_le16(sb + 0xc4) &&
	    ~crc_update(~0u, CRC32C_POLY, sb + 0x20, sizeof(sb) - 0x20) !=
	    get_le32(sb))
		return -ENOENT;
	set_uuid16(res, sb + 0x20);
	set_label(res, sb + 0x12b, 256);
	return 0;
}

#define F2FS_SB_OFF	1024u
#define F2FS_MAGIC	0xf2f52010u

static int probe_f2fs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[124 + 1024];	/* up to the end of the UTF-16 volume name */
	int ret;

	ret = src_read(src, F2FS_SB_OFF, sb, sizeof(sb));
	if (ret)
		return ret;
	if (get_le32(sb) != F2FS_MAGIC)
		return -ENOENT;
	/* 1.0 predates the UUID and name fields */
	if (get_le16(sb + 4) == 1 && get_le16(sb + 6) == 0)
		return 0;
	set_uuid16(res, sb + 108);
	utf16_to_utf8(res->label, sizeof(res->label), sb + 124, 512, false);
	return 0;
}

#define EROFS_SB_OFF	1024u
#define EROFS_MAGIC	0xe0f5e1e2u

static int probe_erofs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[80];
	int ret;

	ret = src_read(src, EROFS_SB_OFF, sb, sizeof(sb));
	if (ret)
		return ret;
	if (get_le32(sb) != EROFS_MAGIC || sb[12] < 9 || sb[12] > 16)
		return -ENOENT;
	set_uuid16(res, sb + 48);
	set_label(res, sb + 64, 16);
	return 0;
}

/* ---- dispatch ------------------------------------------------------------ */

struct prober {
	const char *type;	/* NULL: the prober sets res->type itself */
	enum probe_usage usage;
	int (*probe)(const struct probe_src *src, struct probe_result *res);
};

/*
 * First match wins, in blkid's order for the types we know.  Containers
 * come first because their payload may look like a filesystem: an md
 * RAID1 leg with 0.90/1.0 metadata shows the array's filesystem at offset
 * 0, and mounting it alone would fork the mirror.  LVM and LUKS headers
 * replace a filesystem's first sectors but leave its later superblocks
 * (btrfs at 64 KiB, iso9660 at 32 KiB) behind.  vfat precedes swap, whose
 * signature ends the first page and survives a mkfs that only writes the
 * boot sector.  iso9660 comes after the disk filesystems because an ISO
 * rewritten with ext4 or xfs keeps its descriptor at 32 KiB.
 */
static const struct prober probers[] = {
	{ .type = "linux_raid_member", .usage = PROBE_RAID, .probe = probe_md },
	{ .type = "LVM2_member", .usage = PROBE_RAID, .probe = probe_lvm2 },
	{ .type = "crypto_LUKS", .usage = PROBE_CRYPTO, .probe = probe_luks },
	{ .type = "vfat", .usage = PROBE_FILESYSTEM, .probe = probe_vfat },
	{ .type = "swap", .usage = PROBE_SWAP, .probe = probe_swap },
	{ .type = "xfs", .usage = PROBE_FILESYSTEM, .probe = probe_xfs },
	{ .type = NULL, .usage = PROBE_FILESYSTEM, .probe = probe_ext },
	{ .type = "iso9660", .usage = PROBE_FILESYSTEM, .probe = probe_iso9660 },
	{ .type = "squashfs", .usage = PROBE_FILESYSTEM, .probe = probe_squashfs },
	{ .type = "btrfs", .usage = PROBE_FILESYSTEM, .probe = probe_btrfs },
	{ .type = "f2fs", .usage = PROBE_FILESYSTEM, .probe = probe_f2fs },
	{ .type = "erofs", .usage = PROBE_FILESYSTEM, .probe = probe_erofs },
};

int probe_device(const struct probe_src *src, struct probe_result *res)
{
	int err = -ENOENT, ret;
	size_t i;

	for (i = 0; i < sizeof(probers) / sizeof(*probers); i++) {
		memset(res, 0, sizeof(*res));
		ret = probers[i].probe(src, res);
		if (!ret) {
			if (probers[i].type)
				copy_text(res->type, sizeof(res->type),
					  (const uint8_t *)probers[i].type,
					  strlen(probers[i].type));
			res->usage = probers[i].usage;
			return 0;
		}
		/* an I/O error is reported only if nothing else matched */
		if (ret != -ENOENT && err == -ENOENT)
			err = ret;
	}
	memset(res, 0, sizeof(*res));
	return err;
}

/**
 * probe_usage_name() - blkid's USAGE word for a usage class
 * @usage:	the class
 *
 * Return: "filesystem", "other" (swap), "crypto", "raid", or "".
 */
const char *probe_usage_name(enum probe_usage usage)
{
	static const char *const names[] = {
		[PROBE_NONE] = "",
		[PROBE_FILESYSTEM] = "filesystem",
		[PROBE_SWAP] = "other",
		[PROBE_CRYPTO] = "crypto",
		[PROBE_RAID] = "raid",
	};

	if ((unsigned int)usage >= sizeof(names) / sizeof(*names))
		return "";
	return names[usage];
}

/* ---- partition tables ---------------------------------------------------- */

#define GPT_ENTRY_SIZE		128u
#define GPT_ENTRIES_MAX		16384u	/* 2 MiB of entries, read piecewise */
#define GPT_HDR_MIN		92u
#define MBR_TYPE_GPT		0xeeu
#define EBR_CHAIN_MAX		100	/* the kernel's bound on logicals */

/* GUIDs keep their first three fields little-endian on disk. */
static void set_guid(char *out, const uint8_t *g)
{
	static const uint8_t order[16] = {
		3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15
	};
	int i;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*out++ = '-';
		*out++ = hex_lower[g[order[i]] >> 4];
		*out++ = hex_lower[g[order[i]] & 15];
	}
	*out = '\0';
}

/*
 * Validate the GPT header at @lba and copy its in-use entries to @parts.
 * Return: 0 with *count set, -ENOENT if this header or its entry array is
 * not valid, or another -errno.
 */
static int gpt_try(const struct probe_src *src, uint64_t lba, uint32_t ssz,
		   struct part_entry *parts, int *count)
{
	uint8_t hdr[512], buf[4096];
	uint32_t hsz, num, crc = ~0u, i;
	uint64_t eoff, disk_lbas = src->size / ssz;
	int ret;

	*count = 0;
	if (lba > UINT64_MAX / ssz)
		return -ENOENT;
	ret = src_read(src, lba * ssz, hdr, sizeof(hdr));
	if (ret)
		return ret;
	hsz = get_le32(hdr + 12);
	if (memcmp(hdr, "EFI PART", 8) || hsz < GPT_HDR_MIN ||
	    hsz > sizeof(hdr) || get_le64(hdr + 24) != lba)
		return -ENOENT;
	i = get_le32(hdr + 16);
	memset(hdr + 16, 0, 4);
	if (~crc_update(~0u, CRC32_POLY, hdr, hsz) != i)
		return -ENOENT;
	num = get_le32(hdr + 80);
	eoff = get_le64(hdr + 72);
	if (get_le32(hdr + 84) != GPT_ENTRY_SIZE || num > GPT_ENTRIES_MAX ||
	    eoff > UINT64_MAX / ssz)
		return -ENOENT;
	eoff *= ssz;
	for (i = 0; i < num; i++) {
		const uint8_t *e = buf + (i * GPT_ENTRY_SIZE) % sizeof(buf);
		uint64_t first, last;
		struct part_entry *p;

		if ((i * GPT_ENTRY_SIZE) % sizeof(buf) == 0) {
			uint32_t n = num - i < sizeof(buf) / GPT_ENTRY_SIZE ?
				     num - i : sizeof(buf) / GPT_ENTRY_SIZE;

			ret = src_read(src, eoff + (uint64_t)i * GPT_ENTRY_SIZE,
				       buf, n * GPT_ENTRY_SIZE);
			if (ret)
				return ret;
			crc = crc_update(crc, CRC32_POLY, buf,
					 n * GPT_ENTRY_SIZE);
		}
		first = get_le64(e + 32);
		last = get_le64(e + 40);
		/* unused, or outside the disk (the kernel's is_pte_valid) */
		if (all_zero(e, 16) || last < first ||
		    last > UINT64_MAX / ssz - 1 ||
		    (disk_lbas && last >= disk_lbas) || *count >= PART_MAX)
			continue;
		p = &parts[(*count)++];
		memset(p, 0, sizeof(*p));
		p->number = (int)i + 1;
		p->start = first * ssz;
		p->size = (last - first + 1) * ssz;
		set_guid(p->uuid, e + 16);
		utf16_to_utf8(p->name, sizeof(p->name), e + 56, 36, false);
	}
	if (~crc != get_le32(hdr + 88)) {
		*count = 0;
		return -ENOENT;
	}
	return 0;
}

/*
 * The primary header, assuming 512-byte then 4 KiB logical sectors; then
 * the backup in the last sector, as the kernel falls back to it.
 */
static int gpt_parse(const struct probe_src *src, struct part_entry *parts,
		     int *count)
{
	static const uint32_t ssz[] = { 512, 4096 };
	size_t i;
	int ret;

	for (i = 0; i < sizeof(ssz) / sizeof(*ssz); i++) {
		ret = gpt_try(src, 1, ssz[i], parts, count);
		if (ret != -ENOENT)
			return ret;
	}
	for (i = 0; i < sizeof(ssz) / sizeof(*ssz); i++) {
		if (src->size < 2 * (uint64_t)ssz[i])
			continue;
		ret = gpt_try(src, src->size / ssz[i] - 1, ssz[i], parts,
			      count);
		if (ret != -ENOENT)
			return ret;
	}
	*count = 0;
	return 0;
}

struct mbr_state {
	const struct probe_src *src;
	struct part_entry *parts;
	int *count;
	uint32_t sig;
};

static bool mbr_is_extended(uint8_t type)
{
	return type == 0x05 || type == 0x0f || type == 0x85;
}

static void mbr_add(struct mbr_state *st, int number, uint64_t start_sect,
		    uint64_t nr_sects)
{
	struct part_entry *p;
	char *u;
	int i;

	if (*st->count >= PART_MAX)
		return;
	p = &st->parts[(*st->count)++];
	memset(p, 0, sizeof(*p));
	p->number = number;
	p->start = start_sect * 512;
	p->size = nr_sects * 512;
	/* the kernel's PARTUUID for MBR: "%08x-%02x" */
	u = p->uuid;
	for (i = 28; i >= 0; i -= 4)
		*u++ = hex_lower[(st->sig >> i) & 15];
	*u++ = '-';
	*u++ = hex_lower[(number >> 4) & 15];
	*u++ = hex_lower[number & 15];
	*u = '\0';
}

/*
 * The kernel's parse_extended(): each EBR holds one logical partition
 * (relative to that EBR) and a link to the next EBR (relative to the
 * primary extended partition).  The chain may loop, hence the bound.
 */
static int mbr_parse_extended(struct mbr_state *st, uint64_t first,
			      uint64_t first_size, int *next)
{
	uint64_t this = first, this_size = first_size;
	uint8_t s[512];
	int loop, i, ret;

	for (loop = 0; loop < EBR_CHAIN_MAX && *st->count < PART_MAX; loop++) {
		const uint8_t *e = s + 446;

		ret = src_read(st->src, this * 512, s, sizeof(s));
		if (ret)
			return ret == -ENOENT ? 0 : ret;
		if (s[510] != 0x55 || s[511] != 0xaa)
			return 0;
		for (i = 0; i < 4; i++, e += 16) {
			uint64_t offs = get_le32(e + 8), size = get_le32(e + 12);

			if (!size || mbr_is_extended(e[4]))
				continue;
			/* slots 3 and 4 of an EBR often hold garbage */
			if (i >= 2 && (offs + size > this_size ||
				       this + offs + size > first + first_size))
				continue;
			mbr_add(st, (*next)++, this + offs, size);
		}
		for (i = 0, e = s + 446; i < 4; i++, e += 16)
			if (get_le32(e + 12) && mbr_is_extended(e[4]))
				break;
		if (i == 4)
			return 0;
		this = first + get_le32(e + 8);
		this_size = get_le32(e + 12);
	}
	return 0;
}

static void parts_sort(struct part_entry *parts, int count)
{
	struct part_entry t;
	int i, j;

	for (i = 1; i < count; i++) {
		t = parts[i];
		for (j = i; j > 0 && parts[j - 1].number > t.number; j--)
			parts[j] = parts[j - 1];
		parts[j] = t;
	}
}

static int mbr_parse(const struct probe_src *src, const uint8_t *mbr,
		     struct part_entry *parts, int *count)
{
	struct mbr_state st = {
		.src = src, .parts = parts, .count = count,
		.sig = get_le32(mbr + 0x1b8),
	};
	const uint8_t *e = mbr + 446;
	int slot, next = 5, ret;

	for (slot = 1; slot <= 4; slot++, e += 16) {
		uint64_t start = get_le32(e + 8), size = get_le32(e + 12);

		if (!size)
			continue;
		mbr_add(&st, slot, start, size);
		if (mbr_is_extended(e[4])) {
			ret = mbr_parse_extended(&st, start, size, &next);
			if (ret)
				return ret;
		}
	}
	parts_sort(parts, *count);
	return 0;
}

int probe_partitions(const struct probe_src *src, struct part_entry *parts,
		     int *count)
{
	uint8_t mbr[512];
	const uint8_t *e;
	int i, ret;

	*count = 0;
	ret = src_read(src, 0, mbr, sizeof(mbr));
	if (ret)
		return ret == -ENOENT ? 0 : ret;
	if (mbr[510] != 0x55 || mbr[511] != 0xaa)
		return 0;
	/*
	 * Like the kernel: a boot indicator other than 0/0x80 means this is
	 * a boot sector (FAT, say), not a partition table.
	 */
	/* protective (or hybrid) MBR: GPT describes the disk */
	for (i = 0, e = mbr + 446; i < 4; i++, e += 16)
		if (e[4] == MBR_TYPE_GPT && get_le32(e + 8) == 1)
			return gpt_parse(src, parts, count);
	/*
	 * Like the kernel: a boot indicator other than 0/0x80 means this is
	 * a boot sector (FAT, say), not a partition table; and a stray 0xEE
	 * entry means neither table can be trusted.
	 */
	for (i = 0, e = mbr + 446; i < 4; i++, e += 16)
		if ((e[0] != 0 && e[0] != 0x80) || e[4] == MBR_TYPE_GPT)
			return 0;
	return mbr_parse(src, mbr, parts, count);
}
