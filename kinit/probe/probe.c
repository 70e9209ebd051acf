// SPDX-License-Identifier: GPL-2.0
/*
 * probe.c - identify what a device holds by asking each prober in turn,
 * and find its partition table; plus the readers the probers share.  The
 * probers (probe_*.c) are those the kernel's configuration can use.
 */
#include "probe/prober.h"

/**
 * probe_read() - read @len bytes at @off of @src
 * @src:	the device
 * @off:	byte offset
 * @buf:	output
 * @len:	bytes to read
 *
 * A read past the known end of the device means "this format is not
 * here", not an I/O error: a small device simply cannot hold it.
 *
 * Return: 0, -ENOENT beyond the end of the device, or -errno (-EIO short read).
 */
int probe_read(const struct probe_src *src, uint64_t off, void *buf, size_t len)
{
	if (len > UINT64_MAX - off)
		return -ENOENT;
	if (src->size && off + len > src->size)
		return -ENOENT;
	return src->read(src->ctx, off, buf, len);
}

/**
 * probe_crc() - bitwise reflected CRC over @len bytes, no final inversion
 * @crc:	the running value; start with the format's initial value
 * @poly:	CRC32_POLY or CRC32C_POLY
 * @p:		the bytes
 * @len:	how many
 *
 * Callers add the final xor their format specifies.  Slow but table-free,
 * and the regions checksummed at boot are a few KiB.
 *
 * Return: the updated CRC.
 */
uint32_t probe_crc(uint32_t crc, uint32_t poly, const uint8_t *p, size_t len)
{
	int k;

	while (len--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (poly & (0u - (crc & 1)));
	}
	return crc;
}

/**
 * probe_all_zero() - are the @len bytes at @p all zero?
 * @p:		the bytes
 * @len:	how many
 *
 * Return: true if they are.
 */
bool probe_all_zero(const uint8_t *p, size_t len)
{
	while (len--)
		if (*p++)
			return false;
	return true;
}

/**
 * probe_uuid_text() - write 16 bytes as 8-4-4-4-12 lower-case hex digits
 * @out:	37 bytes of room
 * @b:		the bytes
 * @order:	which byte of @b is printed in each place, or NULL for disk
 *		order
 */
void probe_uuid_text(char *out, const uint8_t *b, const uint8_t *order)
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 16; i++) {
		uint8_t c = b[order ? order[i] : i];

		if (i == 4 || i == 6 || i == 8 || i == 10)
			*out++ = '-';
		*out++ = hex[c >> 4];
		*out++ = hex[c & 15];
	}
	*out = '\0';
}

/**
 * probe_set_uuid() - store a 16-byte UUID, in disk order, as 8-4-4-4-12
 * @res:	res->uuid receives the text; "" for all zeros ("no UUID", as blkid)
 * @b:		the 16 bytes
 */
void probe_set_uuid(struct probe_result *res, const uint8_t *b)
{
	res->uuid[0] = '\0';
	if (!probe_all_zero(b, 16))
		probe_uuid_text(res->uuid, b, NULL);
}

/**
 * probe_copy_text() - copy a fixed-width text field the way blkid does
 * @dst:	output, always NUL-terminated
 * @dstsz:	size of @dst
 * @p:		the field
 * @len:	its width
 *
 * Up to the first NUL, trailing white space dropped.  Bytes are kept as
 * they are so that a LABEL= on the command line compares with what blkid
 * showed the user.
 */
void probe_copy_text(char *dst, size_t dstsz, const uint8_t *p, size_t len)
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

/**
 * probe_set_label() - store a fixed-width label field in res->label
 * @res:	the result
 * @p:		the field
 * @len:	its width
 */
void probe_set_label(struct probe_result *res, const uint8_t *p, size_t len)
{
	probe_copy_text(res->label, sizeof(res->label), p, len);
}

/**
 * probe_utf16_to_utf8() - convert a UTF-16 field to NUL-terminated UTF-8
 * @dst:	output
 * @dstsz:	size of @dst
 * @p:		@units code units, stopping at a NUL unit
 * @units:	the field's width
 * @be:		big-endian units (else little-endian)
 *
 * Only whole characters are written; unpaired surrogates become U+FFFD.
 */
void probe_utf16_to_utf8(char *dst, size_t dstsz, const uint8_t *p,
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

/* ---- dispatch ------------------------------------------------------------ */

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
 *
 * A prober whose option is off (the kernel cannot use that format) is
 * NULL here and skipped; one whose option is on but whose file kinit.mk
 * does not build is an undefined symbol, and the link fails.
 */
#define PROBER(opt, p)	(IS_ENABLED(CONFIG_KINIT_PROBE_##opt) ? &(p) : NULL)

static const struct prober *const probers[] = {
	PROBER(MD, prober_md),
	PROBER(LVM2, prober_lvm2),
	PROBER(LUKS, prober_luks),
	PROBER(VFAT, prober_vfat),
	PROBER(SWAP, prober_swap),
	PROBER(XFS, prober_xfs),
	PROBER(EXT, prober_ext),
	PROBER(ISO9660, prober_iso9660),
	PROBER(SQUASHFS, prober_squashfs),
	PROBER(BTRFS, prober_btrfs),
	PROBER(F2FS, prober_f2fs),
	PROBER(EROFS, prober_erofs),
};

/**
 * probe_device() - identify the content of a whole device or partition
 * @src:	the device
 * @res:	output, zeroed first
 *
 * Return: 0 when something was recognised, -ENOENT when nothing was,
 * -EIO (or another -errno) when reading failed.
 */
int probe_device(const struct probe_src *src, struct probe_result *res)
{
	int err = -ENOENT, ret;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(probers); i++) {
		const struct prober *p = probers[i];

		if (!p)
			continue;
		memset(res, 0, sizeof(*res));
		ret = p->probe(src, res);
		if (!ret) {
			if (p->type)
				probe_copy_text(res->type, sizeof(res->type),
						(const uint8_t *)p->type,
						strlen(p->type));
			res->usage = p->usage;
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
 * Return: "filesystem", "other" (swap), "crypto", "raid", or "" for none.
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

	if ((unsigned int)usage >= ARRAY_SIZE(names))
		return "";
	return names[usage];
}

/* ---- partition tables ---------------------------------------------------- */

/**
 * probe_partitions() - read a disk's GPT (preferred) or MBR
 * @src:	the whole disk
 * @parts:	output array of PART_MAX entries
 * @count:	number of entries filled
 *
 * Each table type is read only with its option (KINIT_PROBE_GPT,
 * KINIT_PROBE_MBR), as the kernel reads it only with EFI_PARTITION or
 * MSDOS_PARTITION; the option without its file fails the link.
 *
 * Return: 0 (with *count possibly 0 for an unpartitioned disk), or -errno.
 */
int probe_partitions(const struct probe_src *src, struct part_entry *parts,
		     int *count)
{
	uint8_t mbr[512];
	const uint8_t *e;
	int i, ret;

	*count = 0;
	ret = probe_read(src, 0, mbr, sizeof(mbr));
	if (ret)
		return ret == -ENOENT ? 0 : ret;
	if (mbr[510] != 0x55 || mbr[511] != 0xaa)
		return 0;
	/* protective (or hybrid) MBR: GPT describes the disk */
	for (i = 0, e = mbr + 446; i < 4; i++, e += 16)
		if (e[4] == MBR_TYPE_GPT && get_le32(e + 8) == 1)
			return IS_ENABLED(CONFIG_KINIT_PROBE_GPT) ?
			       probe_gpt(src, parts, count) : 0;
	return IS_ENABLED(CONFIG_KINIT_PROBE_MBR) ?
	       probe_mbr(src, mbr, parts, count) : 0;
}
