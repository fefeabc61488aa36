"""Word lists of the demo objections (:mod:`.demo_build`). Data only."""

from __future__ import annotations

# Why the objector disagrees (the second half of the kasus posisi).
WHY = [
    "informasi tersebut menyangkut penggunaan anggaran publik dan bukan informasi yang dikecualikan",
    "informasi yang sama pernah diumumkan oleh badan publik lain",
    "yang diminta adalah data agregat tanpa data pribadi siapa pun",
    "informasi diperlukan untuk mengawasi pelaksanaan program di wilayah pemohon",
    "uji konsekuensi tidak menjelaskan kerugian yang nyata bila informasi dibuka",
    "pemohon telah menunggu melewati batas waktu yang diatur UU 14/2008",
    "informasi diperlukan segera untuk bahan penelitian yang tenggatnya sudah dekat",
]
FACTS = {
    "a": "PPID menolak permohonan tersebut dengan Keputusan PPID tentang Penolakan",
    "c": "sampai batas waktu pemberitahuan tertulis pemohon tidak menerima tanggapan dari PPID",
    "e": "PPID hanya memberikan sebagian informasi yang diminta",
    "g": "informasi baru diberikan setelah batas waktu yang diatur undang-undang",
}
CHECK_NOTES = ["", "Berkas keberatan lengkap", "Identitas pemohon sesuai dengan permohonan",
               "Dilampiri salinan surat kuasa khusus", "Telah ditelaah bidang pelayanan informasi"]
UPHOLD_REASONS = [
    "Informasi yang diminta termasuk informasi yang dikecualikan berdasarkan Pasal 17 UU 14/2008 dan uji "
    "konsekuensi PPID telah dilakukan dengan tepat.",
    "Atasan PPID sependapat dengan pertimbangan PPID; membuka informasi menimbulkan kerugian yang lebih besar "
    "daripada manfaatnya.",
    "Informasi telah diberikan sesuai permintaan; keterlambatan disebabkan informasi dihimpun dari beberapa unit.",
    "Bagian yang dihitamkan memuat data pribadi yang dilindungi; bagian lainnya telah diberikan.",
]
OVERTURN_REASONS = [
    "Informasi yang diminta tidak termasuk informasi yang dikecualikan; alasan penolakan PPID tidak tepat.",
    "Permohonan belum ditanggapi PPID dalam jangka waktu yang ditentukan.",
    "Data pribadi dapat dihitamkan sehingga informasi lainnya dapat diberikan.",
    "Informasi tersebut merupakan informasi yang wajib tersedia setiap saat.",
]
ORDERS = [
    "Memerintahkan PPID memberikan informasi yang diminta pemohon.",
    "Memerintahkan PPID memberikan salinan informasi dengan menghitamkan data pribadi.",
    "Memerintahkan PPID menanggapi permohonan dan memberikan informasi yang dikuasai.",
]
OUTCOMES = [
    "Putusan Komisi Informasi: permohonan penyelesaian sengketa ditolak; informasi dikecualikan.",
    "Mediasi berhasil: para pihak sepakat informasi diberikan dengan menghitamkan data pribadi.",
    "Putusan Komisi Informasi: permohonan dikabulkan; badan publik wajib memberikan informasi.",
    "Permohonan penyelesaian sengketa dicabut oleh pemohon.",
    "Permohonan penyelesaian sengketa tidak dapat diterima karena melewati batas waktu.",
]
WITHDRAW = ["Pemohon telah memperoleh penjelasan dari PPID", "Pemohon mencabut keberatan secara tertulis",
            "Informasi telah diperoleh pemohon"]
DEMO_ATASAN = "Drs. H. Mulyono, M.Si."  # when the office has not named its Atasan PPID yet
