# SPDX-License-Identifier: GPL-2.0
#
# kinitramfs - the front door.  The work is in scripts/ and tests/.
#
#   make boot     build the kernel and boot it in QEMU to a real root
#   make check    run every test (unit, golden, fuzz smoke, QEMU boots)
#   make kernel   build build/bzImage [FRAGMENT=extra.config] [KDIR=tree]
#   make bench    boot time and image size against the peers
#   make deps     install the Debian packages all of this needs

KDIR		?=
FRAGMENT	?=
BZIMAGE_OUT	?= build/bzImage
export KDIR

kernel-args := $(if $(FRAGMENT),-f $(FRAGMENT)) -o $(abspath $(BZIMAGE_OUT))

.PHONY: all deps kernel boot check bench clean help
all: kernel

help:
	@sed -n '4,9s/^# \{0,1\}//p' Makefile

deps:
	@scripts/install-deps

kernel: deps
	@scripts/build-kernel $(kernel-args)

boot: kernel
	@scripts/demo-boot build/bzImage

check: kernel
	@tests/run

bench: kernel
	@bench/run

clean:
	rm -rf build tests/out
