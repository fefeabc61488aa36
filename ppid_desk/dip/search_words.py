"""Word lists of DIP suggestions (:func:`ppid_desk.dip.queries.suggest`): the filler words
of a request, and the abbreviations of Indonesian local government spelled out. Data only."""

from __future__ import annotations

# Words of a request that say nothing about which information is asked.
STOP_WORDS = frozenset("""
    a adalah agar akan anda atas atau bagi bahwa bapak beberapa berapa berupa beserta bisa
    buah copy cq dalam dan dapat dari daripada data demikian dengan di dibutuhkan diminta
    dimohon ibu ini itu jo jumlah ka kami karena ke kepada khususnya lain lainnya lampiran
    maupun melalui meminta mengenai milik minta mohon memohon mulai nya oleh pada para perihal
    permohonan permintaan sampai saja salinan sebagai secara seluruh semua serta sesuai soft
    hard softcopy hardcopy fotokopi fotocopy scan tahun tanggal tentang terhadap terkait tersebut
    untuk yang yth
""".split())

# An abbreviation as requesters write it -> the words a DIP entry spells out (phrases).
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "apbd": ("anggaran pendapatan dan belanja daerah",),
    "dpa": ("dokumen pelaksanaan anggaran",),
    "rka": ("rencana kerja dan anggaran",),
    "lra": ("laporan realisasi anggaran",),
    "lkpd": ("laporan keuangan pemerintah daerah",),
    "lhp": ("laporan hasil pemeriksaan",),
    "rpjmd": ("rencana pembangunan jangka menengah daerah",),
    "rkpd": ("rencana kerja pemerintah daerah",),
    "renstra": ("rencana strategis",),
    "renja": ("rencana kerja",),
    "lkjip": ("laporan kinerja instansi pemerintah",),
    "lakip": ("laporan kinerja instansi pemerintah", "lkjip"),
    "lppd": ("laporan penyelenggaraan pemerintahan daerah",),
    "rup": ("rencana umum pengadaan",),
    "hps": ("harga perkiraan sendiri",),
    "pbj": ("pengadaan barang",),
    "bansos": ("bantuan sosial",),
    "pkh": ("program keluarga harapan",),
    "bpnt": ("bantuan pangan non tunai",),
    "blt": ("bantuan langsung tunai",),
    "rtlh": ("rumah tidak layak huni",),
    "asn": ("aparatur sipil negara",),
    "pns": ("pegawai negeri sipil", "aparatur sipil negara"),
    "cpns": ("calon pegawai negeri sipil",),
    "pppk": ("pegawai pemerintah dengan perjanjian kerja",),
    "sop": ("standar operasional prosedur",),
    "amdal": ("analisis mengenai dampak lingkungan",),
    "pbg": ("persetujuan bangunan gedung",),
    "imb": ("izin mendirikan bangunan", "persetujuan bangunan gedung", "pbg"),
    "sk": ("surat keputusan",),
    "spj": ("surat pertanggungjawaban",),
    "sppd": ("perjalanan dinas",),
    "perda": ("peraturan daerah",),
    "perbup": ("peraturan bupati",),
    "perwali": ("peraturan wali kota",),
    "kib": ("kartu inventaris barang",),
    "bmd": ("barang milik daerah",),
    "add": ("alokasi dana desa",),
    "klb": ("kejadian luar biasa",),
    "dbd": ("demam berdarah",),
    "rtrw": ("rencana tata ruang wilayah",),
    "rdtr": ("rencana detail tata ruang",),
    "pkpt": ("program kerja pengawasan tahunan",),
    "skm": ("survei kepuasan masyarakat",),
    "tapd": ("tim anggaran pemerintah daerah",),
    "opd": ("perangkat daerah",),
    "skpd": ("perangkat daerah",),
    "pupr": ("pekerjaan umum",),
    "bpbd": ("penanggulangan bencana",),
    "bkd": ("kepegawaian daerah",),
    "bpkad": ("pengelolaan keuangan",),
    "bappeda": ("perencanaan pembangunan daerah",),
    "dpmptsp": ("penanaman modal",),
    "bos": ("bantuan operasional sekolah",),
    "jkn": ("jaminan kesehatan nasional",),
    "pbi": ("penerima bantuan iuran",),
}
