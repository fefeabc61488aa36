; PPID Desk for Windows: one setup.exe from the PyInstaller folder dist\ppid-desk.
;
;   makensis /DVERSION=0.1.0 [/DBUNDLE=..\..\dist\ppid-desk] [/DOUTFILE=...] ppid-desk.nsi
;
; VERSION comes from pyproject.toml (make installer, .github/workflows/windows-installer.yml).
; Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\PPID Desk,
; the shortcuts to the user's Start menu and desktop, the Add/Remove programs entry to HKCU.
; The register lives elsewhere (%LOCALAPPDATA%\ppid-desk, platformdirs' user data folder,
; or --data-dir / PPID_DESK_DATA_DIR): neither an update nor the uninstaller touches it.

Unicode true
!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !error "VERSION is required: makensis /DVERSION=x.y.z (the version in pyproject.toml)"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\dist\ppid-desk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\ppid-desk-setup-${VERSION}.exe"
!endif

!define APP "PPID Desk"
!define EXE "ppid-desk.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PPID Desk"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
; An update goes where the previous version went.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
ShowInstDetails hide
ShowUninstDetails hide

!define MUI_ICON "ppid-desk.ico"
!define MUI_UNICON "ppid-desk.ico"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TEXT "Program ini memasang ${APP} ${VERSION} untuk pengguna Windows ini saja, tanpa hak administrator.$\r$\n$\r$\nMemasang versi yang lebih baru di atas versi lama aman: data register tetap di folder datanya, dan aplikasi membuat salinan register sebelum memperbaruinya.$\r$\n$\r$\nTutup ${APP} sebelum melanjutkan."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Buka ${APP} sekarang"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP} akan dihapus dari folder di bawah ini. Data register (register, lampiran, cadangan) di $LOCALAPPDATA\ppid-desk TIDAK dihapus: pasang ${APP} lagi untuk memakainya, atau hapus folder itu sendiri bila memang tidak diperlukan lagi."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Indonesian"

; Windows refuses to replace or delete a running program: ask the officer to close it.
!macro ENSURE_CLOSED un
Function ${un}EnsureClosed
  retry:
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${EXE}" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP} masih terbuka. Tutup dulu (Berkas > Keluar; tunggu cadangan saat keluar selesai), lalu coba lagi." IDRETRY retry
      Abort
    ${EndIf}
    FileClose $0
  ${EndIf}
FunctionEnd
!macroend
!insertmacro ENSURE_CLOSED ""
!insertmacro ENSURE_CLOSED "un."

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "PPID Desk" SecMain
  SectionIn RO
  Call EnsureClosed
  ; The previous version's libraries go first, so none of them outlives the update.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  Call un.EnsureClosed
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  ; Only the program's own files; the data folder is elsewhere and is left alone.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
