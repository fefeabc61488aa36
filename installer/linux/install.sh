#!/bin/sh
# Installs this PPID Desk bundle for the current user, without root:
#   the bundle folder   -> ~/.local/lib/ppid-desk/  (replaced whole on an update)
#   the command         -> ~/.local/bin/ppid-desk   (a link to the bundle's executable)
#   the menu entry      -> ~/.local/share/applications/ppid-desk.desktop
#   the icon            -> ~/.local/share/icons/hicolor/scalable/apps/ppid-desk.svg
# The register lives elsewhere (~/.local/share/ppid-desk, or --data-dir /
# PPID_DESK_DATA_DIR) and is never touched, neither here nor by --uninstall.
#
#   ./install.sh               install, or update over an older version
#   ./install.sh --uninstall   remove the program (the data folder stays)
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/lib/ppid-desk
link=$HOME/.local/bin/ppid-desk
desktop=$data_home/applications/ppid-desk.desktop
icon=$data_home/icons/hicolor/scalable/apps/ppid-desk.svg

refresh_menus() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target"
  rm -f "$link" "$desktop" "$icon"
  refresh_menus
  echo "PPID Desk dihapus. Data register tetap di folder datanya (bawaan: $data_home/ppid-desk)."
  exit 0
fi
if [ $# -gt 0 ]; then
  echo "pemakaian: $0 [--uninstall]" >&2
  exit 2
fi
if [ ! -x "$here/ppid-desk" ]; then
  echo "install.sh: $here/ppid-desk tidak ditemukan; jalankan skrip ini dari folder bundel PPID Desk." >&2
  exit 1
fi

if [ "$here" != "$(mkdir -p "$target" && cd "$target" && pwd -P)" ]; then
  # Copy beside the old version first, then swap, so a failed copy leaves it working.
  rm -rf "$target.new"
  cp -a "$here" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi
mkdir -p "$(dirname "$link")" "$(dirname "$desktop")" "$(dirname "$icon")"
ln -sfn "$target/ppid-desk" "$link"
cp "$target/_internal/ppid_desk/resources/icons/ppid-desk.svg" "$icon"
# The menu entry names the executable by its full path: ~/.local/bin is not on every PATH.
sed -e "s|^Exec=.*|Exec=$target/ppid-desk|" -e "s|^TryExec=.*|TryExec=$target/ppid-desk|" \
  "$target/ppid-desk.desktop" > "$desktop"
refresh_menus
echo "PPID Desk $("$target/ppid-desk" --version | sed 's/^ppid-desk //') terpasang di $target"
echo "Menu: $desktop; perintah: $link"
