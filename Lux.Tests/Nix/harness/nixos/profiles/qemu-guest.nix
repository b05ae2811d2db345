# Stand-in for nixpkgs' nixos/modules/profiles/qemu-guest.nix, which a VPS's
# hardware-configuration.nix imports. Same definitions as upstream; the proofs read none of them.
{ lib, ... }:
{
  boot.initrd.availableKernelModules = [
    "virtio_net"
    "virtio_pci"
    "virtio_mmio"
    "virtio_blk"
    "virtio_scsi"
    "9p"
    "9pnet_virtio"
  ];
  boot.initrd.kernelModules = [
    "virtio_balloon"
    "virtio_console"
    "virtio_rng"
    "virtio_gpu"
  ];
}
