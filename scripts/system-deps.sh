#!/usr/bin/env bash
# Debian packages the tests need; installed with apt-get only when missing.
# Qt (offscreen and xcb) needs the libraries below at run time; poppler-utils turns the
# printed documents into pictures (pdftoppm) in the tests; cups, cups-bsd and
# printer-driver-cups-pdf give the print tests a real CUPS queue, PPID_Test_PDF, that
# writes every job as a PDF (started and created below, as root); libreoffice-calc-nogui
# (headless Calc, without the GUI toolkit) opens the periodic report in
# tests/reports/test_report_libreoffice.py. nsis (makensis) compiles the Windows installer
# script on Linux (make installer, tests/test_installer.py proves it valid); p7zip-full
# lists what the compiled setup.exe would install; desktop-file-utils checks the Linux
# menu entry (desktop-file-validate). postgresql and postgresql-contrib (pg_trgm, unaccent)
# give the tests a real PostgreSQL server, started by tests/pgserver.py.
set -euo pipefail
packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0
          poppler-utils cups cups-bsd printer-driver-cups-pdf libreoffice-calc-nogui
          nsis p7zip-full desktop-file-utils postgresql postgresql-contrib)
command -v dpkg-query >/dev/null 2>&1 || exit 0

install_missing() {
  local missing=() p sudo=""
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "system-deps: missing Debian packages: ${missing[*]} (install them with apt-get as root)" >&2
      exit 1
    fi
  fi
  echo "system-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The CUPS scheduler and the PDF queue of the print tests. Containers and CI machines
# have no systemd to start cupsd, so it is started directly; idempotent and silent.
cups_test_queue() {
  local queue=PPID_Test_PDF model i
  [ "$(id -u)" -eq 0 ] || return 0
  command -v cupsd >/dev/null 2>&1 && command -v lpadmin >/dev/null 2>&1 || return 0
  if ! lpstat -r 2>/dev/null | grep -q 'scheduler is running'; then
    cupsd >/dev/null 2>&1 || true
    for i in $(seq 50); do
      lpstat -r 2>/dev/null | grep -q 'scheduler is running' && break
      sleep 0.2
    done
    if ! lpstat -r 2>/dev/null | grep -q 'scheduler is running'; then
      echo "system-deps: the CUPS scheduler (cupsd) does not start; the CUPS print test will fail" >&2
      return 0
    fi
  fi
  if ! lpstat -p "$queue" >/dev/null 2>&1; then
    model=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt\.ppd/ {print $1; exit}')
    lpadmin -p "$queue" -E -v cups-pdf:/ -m "${model:-lsb/usr/cups-pdf/CUPS-PDF_opt.ppd}" >/dev/null 2>&1 \
      || echo "system-deps: lpadmin could not create the CUPS queue $queue" >&2
  fi
}

install_missing
cups_test_queue
