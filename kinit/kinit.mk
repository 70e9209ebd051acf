# SPDX-License-Identifier: GPL-2.0
# The sources of kinit, chosen by Kconfig: included by usr/Makefile.kinit.
# Optional features are optional files, never #ifdef blocks in a function.
kinit-y := kinit.c log.c errstr.c cmdline.c mounts.c rootdev.c probe.c blkdev.c \
	   switch_root.c failure.c
# What probe.c can recognise: the formats and partition tables the kernel
# can use (KINIT_PROBE_*, which follow the kernel's own options).
kinit-$(CONFIG_KINIT_PROBE_MD) += probe_md.c
kinit-$(CONFIG_KINIT_PROBE_LVM2) += probe_lvm2.c
kinit-$(CONFIG_KINIT_PROBE_LUKS) += probe_luks.c
kinit-$(CONFIG_KINIT_PROBE_VFAT) += probe_vfat.c
kinit-$(CONFIG_KINIT_PROBE_SWAP) += probe_swap.c
kinit-$(CONFIG_KINIT_PROBE_XFS) += probe_xfs.c
kinit-$(CONFIG_KINIT_PROBE_EXT) += probe_ext.c
kinit-$(CONFIG_KINIT_PROBE_ISO9660) += probe_iso9660.c
kinit-$(CONFIG_KINIT_PROBE_SQUASHFS) += probe_squashfs.c
kinit-$(CONFIG_KINIT_PROBE_BTRFS) += probe_btrfs.c
kinit-$(CONFIG_KINIT_PROBE_F2FS) += probe_f2fs.c
kinit-$(CONFIG_KINIT_PROBE_EROFS) += probe_erofs.c
kinit-$(CONFIG_KINIT_PROBE_GPT) += probe_gpt.c
kinit-$(CONFIG_KINIT_PROBE_MBR) += probe_mbr.c
kinit-$(CONFIG_KINIT_MODULE_LOADER) += modules.c
kinit-$(CONFIG_KINIT_MODULES_AUTOLOAD) += coldplug.c
kinit-$(CONFIG_KINIT_STACK) += stack.c
kinit-$(CONFIG_KINIT_CRYPT) += crypt.c cmdline_luks.c
kinit-$(CONFIG_KINIT_LVM) += lvm.c cmdline_lvm.c
kinit-$(CONFIG_KINIT_MD) += md.c cmdline_md.c
kinit-$(CONFIG_KINIT_MDADM) += mdadm.c
kinit-$(CONFIG_KINIT_RESUME) += resume.c cmdline_resume.c
