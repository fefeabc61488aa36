"""The demo DIP of a kabupaten government (:mod:`.demo`): entries by class, each with the
unit key of :data:`ppid_desk.register.demo_words.UNITS` that holds it (or the name of a
body outside the demo's units), when and where it is made, its format and retention, and
the demo request texts (:data:`~ppid_desk.register.demo_words.INFO`, by the start of
their template) it answers. Data only."""

from __future__ import annotations

from ..register.demo_words import HARM

# Short names for "waktu dan tempat pembuatan".
PLACES = {"pelayanan": "Sekretariat PPID", "data": "Sekretariat PPID", "hukum": "Bagian Hukum Setda",
          "perencanaan": "Bappeda", "keuangan": "BPKAD", "sosial": "Dinas Sosial", "perizinan": "DPMPTSP",
          "pengadaan": "Bagian PBJ Setda", "kepegawaian": "BKD", "inspektorat": "Inspektorat Daerah",
          "pu": "Dinas PUPR", "lingkungan": "Dinas Lingkungan Hidup"}

# Asked-for texts (INFO templates) by a unique start.
DPA = "Salinan Dokumen Pelaksanaan Anggaran"
RKA = "Rencana Kerja dan Anggaran (RKA)"
LRA = "Laporan Realisasi Anggaran semester"
LK = "Laporan Keuangan Tahun"
SK = "Salinan Surat Keputusan"
BANSOS_DATA = "Data penerima bantuan sosial"
BANSOS_SUM = "Jumlah penerima dan realisasi penyaluran"
IZIN_LIST = "Daftar {izin} yang diterbitkan"
IZIN_DOC = "Salinan dokumen {izin}"
RPJMD = "Dokumen RPJMD"
RKPD = "Rencana Kerja Pemerintah Daerah (RKPD)"
RUP = "Rencana Umum Pengadaan (RUP)"
KONTRAK = "Dokumen kontrak dan addendum"
HPS = "Harga Perkiraan Sendiri (HPS)"
TENDER = "Daftar pemenang tender"
LKJIP = "Laporan Kinerja Instansi Pemerintah (LKjIP)"
RENSTRA = "Rencana Strategis (Renstra)"
ASN = "Data jumlah Aparatur Sipil Negara"
SELEKSI = "Hasil seleksi"
LHP = "Laporan Hasil Pemeriksaan Inspektorat"
HIBAH = "Data penerima dana hibah"
AMDAL = "Dokumen AMDAL/UKL-UPL"
ASET = "Daftar aset tanah"
SOP = "Standar Operasional Prosedur (SOP)"
DANA_DESA = "Data realisasi Dana Desa"
NOTULEN = "Notulen rapat"
KERJA_SAMA = "Perjanjian kerja sama"
MISKIN = "Data penduduk miskin"
SPPD = "Laporan pertanggungjawaban anggaran perjalanan dinas"
DIP = "Daftar Informasi Publik (DIP)"
DISIPLIN = "Berkas pemeriksaan dugaan pelanggaran disiplin"
JALAN = "Data kerusakan jalan"

BPBD = "Badan Penanggulangan Bencana Daerah"
DINKES = "Dinas Kesehatan"
DAMKAR = "Dinas Pemadam Kebakaran dan Penyelamatan"
DISHUB = "Dinas Perhubungan"

SOFT_HARD = "Softcopy dan hardcopy"
SOFT_WEB = "Softcopy (laman resmi)"
SOFT_PDF = "Softcopy (PDF)"
HARD = "Hardcopy"

# (summary, holder: unit key or a body's name, when made, format, retention, texts it answers)
Open = tuple[str, str, str, str, str, tuple[str, ...]]

PERIODIC: list[Open] = [
    ("Profil badan publik: kedudukan, tugas dan fungsi, struktur organisasi, alamat dan kontak", "pelayanan",
     "Setiap ada perubahan", SOFT_WEB, "Selama berlaku", ()),
    ("Profil singkat pejabat struktural: nama, jabatan, riwayat pendidikan dan karier", "kepegawaian",
     "Setiap ada perubahan", SOFT_WEB, "Selama menjabat", ()),
    ("Rencana Strategis (Renstra) perangkat daerah lima tahunan", "perencanaan", "Awal periode RPJMD", SOFT_HARD,
     "Permanen", (RENSTRA,)),
    ("Rencana Kerja (Renja) perangkat daerah", "perencanaan", "Setiap tahun", SOFT_HARD, "10 tahun", ()),
    ("Rencana Pembangunan Jangka Menengah Daerah (RPJMD) beserta perubahannya", "perencanaan", "Awal periode",
     SOFT_HARD, "Permanen", (RPJMD,)),
    ("Rencana Kerja Pemerintah Daerah (RKPD)", "perencanaan", "Setiap tahun", SOFT_HARD, "10 tahun", (RKPD,)),
    ("Rencana Kerja dan Anggaran (RKA) perangkat daerah", "perencanaan", "Setiap tahun", SOFT_HARD, "10 tahun",
     (RKA,)),
    ("Dokumen Pelaksanaan Anggaran (DPA) dan perubahannya (DPPA) seluruh perangkat daerah", "keuangan",
     "Setiap tahun", SOFT_HARD, "10 tahun", (DPA,)),
    ("Laporan Realisasi Anggaran (LRA) semesteran dan tahunan", "keuangan", "Setiap semester", SOFT_HARD,
     "10 tahun", (LRA,)),
    ("Laporan Keuangan Pemerintah Daerah yang telah diaudit BPK beserta Laporan Hasil Pemeriksaan BPK", "keuangan",
     "Setiap tahun", SOFT_HARD, "Permanen", (LK,)),
    ("Laporan Kinerja Instansi Pemerintah (LKjIP)", "perencanaan", "Setiap tahun", SOFT_WEB, "10 tahun", (LKJIP,)),
    ("Laporan Penyelenggaraan Pemerintahan Daerah (LPPD) dan ringkasannya", "perencanaan", "Setiap tahun",
     SOFT_HARD, "10 tahun", ()),
    ("Rencana Umum Pengadaan (RUP) barang/jasa seluruh perangkat daerah", "pengadaan", "Setiap tahun", SOFT_WEB,
     "5 tahun", (RUP,)),
    ("Daftar paket pengadaan barang/jasa, pemenang tender dan nilai kontraknya", "pengadaan", "Setiap tahun",
     SOFT_WEB, "5 tahun", (TENDER,)),
    ("Daftar penerima dana hibah dan bantuan sosial organisasi kemasyarakatan beserta nilainya", "keuangan",
     "Setiap tahun", SOFT_HARD, "10 tahun", (HIBAH,)),
    ("Jumlah penerima dan realisasi penyaluran bantuan sosial (PKH, BPNT, BLT Dana Desa, RTLH) per kecamatan",
     "sosial", "Setiap semester", SOFT_HARD, "5 tahun", (BANSOS_SUM, BANSOS_DATA)),
    ("Daftar izin dan persetujuan yang diterbitkan: PBG, izin usaha, persetujuan lingkungan, izin reklame",
     "perizinan", "Setiap bulan", SOFT_WEB, "5 tahun", (IZIN_LIST,)),
    ("Data Aparatur Sipil Negara menurut golongan, jabatan, pendidikan dan jenis kelamin", "kepegawaian",
     "Setiap semester", SOFT_HARD, "5 tahun", (ASN,)),
    ("Pengumuman dan hasil akhir seleksi CPNS, PPPK dan seleksi terbuka jabatan pimpinan tinggi", "kepegawaian",
     "Setiap ada seleksi", SOFT_WEB, "5 tahun", (SELEKSI,)),
    ("Realisasi Dana Desa dan Alokasi Dana Desa per desa", "keuangan", "Setiap semester", SOFT_HARD, "10 tahun",
     (DANA_DESA,)),
    ("Daftar aset tanah dan bangunan milik pemerintah daerah (Kartu Inventaris Barang)", "keuangan",
     "Setiap tahun", SOFT_HARD, "Permanen", (ASET,)),
    ("Peraturan daerah dan peraturan bupati yang telah diundangkan (Jaringan Dokumentasi dan Informasi Hukum)",
     "hukum", "Setiap ada penetapan", SOFT_WEB, "Permanen", ()),
    ("Rekapitulasi realisasi belanja perjalanan dinas per perangkat daerah", "keuangan", "Setiap tahun",
     SOFT_HARD, "10 tahun", (SPPD,)),
    ("Data kondisi jalan dan jembatan kabupaten serta rencana penanganannya", "pu", "Setiap tahun", SOFT_HARD,
     "5 tahun", (JALAN,)),
    ("Program dan kegiatan pembangunan infrastruktur: lokasi, nilai, sumber dana dan pelaksana", "pu",
     "Setiap tahun", SOFT_WEB, "5 tahun", (JALAN,)),
    ("Dokumen Informasi Kinerja Pengelolaan Lingkungan Hidup Daerah dan Indeks Kualitas Lingkungan Hidup",
     "lingkungan", "Setiap tahun", SOFT_HARD, "10 tahun", ()),
    ("Jumlah penduduk miskin dan peserta PBI JKN per kecamatan (data agregat)", "sosial", "Setiap tahun",
     SOFT_HARD, "5 tahun", (MISKIN,)),
    ("Laporan layanan informasi publik: jumlah permohonan, waktu pemenuhan, penolakan dan keberatan",
     "pelayanan", "Setiap tahun", SOFT_WEB, "5 tahun", ()),
    ("Hasil Survei Kepuasan Masyarakat atas pelayanan publik", "pelayanan", "Setiap semester", SOFT_WEB, "5 tahun",
     ()),
    ("Ringkasan hasil pemeriksaan Inspektorat yang telah selesai ditindaklanjuti", "inspektorat", "Setiap tahun",
     SOFT_HARD, "10 tahun", (LHP,)),
    ("Program Kerja Pengawasan Tahunan (PKPT) Inspektorat", "inspektorat", "Setiap tahun", SOFT_PDF, "5 tahun", ()),
    ("Standar biaya umum dan standar harga satuan barang/jasa pemerintah daerah", "keuangan", "Setiap tahun",
     SOFT_PDF, "5 tahun", ()),
    ("Rencana Tata Ruang Wilayah (RTRW) dan Rencana Detail Tata Ruang (RDTR)", "pu", "Setiap ada penetapan",
     SOFT_HARD, "Permanen", ()),
    ("Agenda kegiatan pimpinan daerah", "pelayanan", "Setiap minggu", SOFT_WEB, "1 tahun", ()),
    ("Pengumuman lelang dan penghapusan barang milik daerah", "keuangan", "Setiap ada lelang", SOFT_WEB,
     "5 tahun", ()),
]

IMMEDIATE: list[Open] = [
    ("Peringatan dini dan status siaga bencana banjir, tanah longsor dan erupsi gunung api", BPBD,
     "Saat ada ancaman", SOFT_WEB, "5 tahun", ()),
    ("Jalur dan titik kumpul evakuasi serta lokasi pengungsian", BPBD, "Saat ada ancaman", SOFT_HARD, "5 tahun",
     ()),
    ("Prakiraan cuaca ekstrem dan gelombang tinggi yang diteruskan dari BMKG", BPBD, "Saat ada peringatan",
     SOFT_WEB, "1 tahun", ()),
    ("Kejadian luar biasa (KLB) dan wabah penyakit menular: demam berdarah, diare, campak", DINKES,
     "Saat terjadi", SOFT_WEB, "5 tahun", ()),
    ("Keracunan pangan massal dan peredaran pangan berbahaya", DINKES, "Saat terjadi", SOFT_WEB, "5 tahun", ()),
    ("Pencemaran lingkungan: limbah industri, kualitas air sungai dan udara", "lingkungan", "Saat terjadi",
     SOFT_WEB, "5 tahun", ()),
    ("Kebakaran besar dan keadaan darurat di permukiman", DAMKAR, "Saat terjadi", SOFT_WEB, "2 tahun", ()),
    ("Penutupan dan pengalihan arus lalu lintas karena gangguan ketertiban atau bencana", DISHUB, "Saat terjadi",
     SOFT_WEB, "1 tahun", ()),
    ("Kerusakan jalan dan jembatan yang membahayakan keselamatan pengguna jalan", "pu", "Saat terjadi", SOFT_WEB,
     "2 tahun", (JALAN,)),
]

ANY_TIME: list[Open] = [
    ("Daftar Informasi Publik (DIP) dan daftar informasi yang dikecualikan", "pelayanan", "Setiap tahun",
     SOFT_HARD, "Selama berlaku", (DIP,)),
    ("Surat keputusan bupati dan kepala perangkat daerah beserta dokumen pendukungnya", "hukum",
     "Setiap ada penetapan", SOFT_HARD, "Permanen", (SK,)),
    ("Standar Operasional Prosedur (SOP) pelayanan: perizinan, informasi publik, pengaduan, kepegawaian",
     "pelayanan", "Setiap ada perubahan", SOFT_WEB, "Selama berlaku", (SOP,)),
    ("Maklumat dan standar pelayanan publik", "pelayanan", "Setiap ada perubahan", SOFT_HARD, "Selama berlaku", ()),
    ("Risalah rapat paripurna dan rapat pembahasan yang terbuka untuk umum", "hukum", "Setiap rapat", SOFT_HARD,
     "10 tahun", (NOTULEN,)),
    ("Perjanjian kerja sama daerah dengan pihak ketiga (naskah perjanjian tanpa lampiran komersial)", "hukum",
     "Setiap ada perjanjian", SOFT_HARD, "Selama berlaku ditambah 5 tahun", (KERJA_SAMA,)),
    ("Dokumen kontrak, addendum dan berita acara serah terima pekerjaan yang telah selesai", "pengadaan",
     "Setiap paket pekerjaan", SOFT_HARD, "10 tahun", (KONTRAK,)),
    ("Salinan surat izin dan persetujuan yang telah diterbitkan (tanpa lampiran permohonan)", "perizinan",
     "Setiap penerbitan", SOFT_HARD, "Selama berlaku", (IZIN_DOC,)),
    ("Ringkasan dan keputusan kelayakan lingkungan hidup (AMDAL/UKL-UPL) yang telah disetujui", "lingkungan",
     "Setiap penetapan", SOFT_HARD, "Selama kegiatan berjalan", (AMDAL,)),
    ("Siaran pers dan informasi yang disampaikan pejabat publik dalam pertemuan terbuka", "pelayanan",
     "Setiap ada kegiatan", SOFT_WEB, "2 tahun", ()),
    ("Rekapitulasi pengaduan masyarakat dan tindak lanjutnya", "pelayanan", "Setiap bulan", SOFT_HARD, "5 tahun",
     ()),
    ("Tata cara pengaduan penyalahgunaan wewenang dan pelanggaran oleh pejabat", "inspektorat",
     "Setiap ada perubahan", SOFT_WEB, "Selama berlaku", ()),
    ("Formasi dan kebutuhan Aparatur Sipil Negara per perangkat daerah", "kepegawaian", "Setiap tahun",
     SOFT_HARD, "5 tahun", (ASN,)),
    ("Data perusahaan dan usaha mikro, kecil dan menengah yang terdaftar menurut sektor", "perizinan",
     "Setiap tahun", SOFT_HARD, "5 tahun", ()),
    ("Daftar sarana dan prasarana publik: pasar, terminal, gedung olahraga, ruang terbuka hijau", "pu",
     "Setiap tahun", SOFT_HARD, "5 tahun", ()),
    ("Dokumen Rencana Pengelolaan dan Pemantauan Lingkungan (RKL-RPL) kegiatan pemerintah daerah", "lingkungan",
     "Setiap kegiatan", SOFT_HARD, "10 tahun", (AMDAL,)),
    ("Data pengelolaan sampah: timbulan, bank sampah dan tempat pembuangan akhir", "lingkungan", "Setiap tahun",
     SOFT_HARD, "5 tahun", ()),
    ("Laporan pelaksanaan kegiatan fisik dan dokumentasi progres pekerjaan", "pu", "Setiap bulan", SOFT_HARD,
     "5 tahun", (KONTRAK, JALAN)),
    ("Penetapan lokasi penerima bantuan rumah tidak layak huni per desa (jumlah unit dan nilai)", "sosial",
     "Setiap tahun", SOFT_HARD, "5 tahun", (BANSOS_SUM,)),
    ("Petunjuk teknis penyaluran bantuan sosial dan hibah", "sosial", "Setiap ada perubahan", SOFT_PDF,
     "Selama berlaku", (HIBAH,)),
    ("Daftar nama dan alamat perangkat daerah, kecamatan dan kelurahan", "pelayanan", "Setiap ada perubahan",
     SOFT_WEB, "Selama berlaku", ()),
]

# (summary, holder, when made, format, retention, texts it answers, Pasal 17 letters, exclusion period)
Excluded = tuple[str, str, str, str, str, tuple[str, ...], str, str]

EXCLUDED: list[Excluded] = [
    ("Data pribadi penerima bantuan sosial: NIK, nomor KK, alamat, kondisi ekonomi dan kesehatan keluarga",
     "sosial", "Setiap penyaluran", SOFT_HARD, "5 tahun", (BANSOS_DATA, MISKIN), "h", "Selama data dikelola"),
    ("Berkas dan hasil audit investigatif Inspektorat yang masih dalam proses tindak lanjut atau penyidikan",
     "inspektorat", "Setiap pemeriksaan", HARD, "10 tahun", (LHP,), "ai", "Sampai tindak lanjut selesai"),
    ("Berkas pemeriksaan dugaan pelanggaran disiplin pegawai: BAP, keterangan saksi dan rekomendasi", "kepegawaian",
     "Setiap pemeriksaan", HARD, "10 tahun", (DISIPLIN,), "ah", "5 tahun"),
    ("Nilai perorangan, berkas dan hasil psikotes peserta seleksi pegawai", "kepegawaian", "Setiap seleksi",
     SOFT_HARD, "5 tahun", (SELEKSI,), "h", "5 tahun"),
    ("Data pribadi pegawai: NIK, alamat rumah, riwayat kesehatan, data keluarga dan nomor rekening",
     "kepegawaian", "Setiap ada perubahan", SOFT_HARD, "Selama pegawai aktif ditambah 5 tahun", (), "h",
     "Selama data dikelola"),
    ("Dokumen penawaran peserta tender dan Harga Perkiraan Sendiri sebelum pemenang diumumkan", "pengadaan",
     "Setiap paket pekerjaan", SOFT_HARD, "5 tahun", (HPS, KONTRAK), "b", "Sampai kontrak ditandatangani"),
    ("Lampiran permohonan izin: identitas pemohon, laporan keuangan dan rahasia dagang perusahaan", "perizinan",
     "Setiap permohonan", SOFT_HARD, "Selama izin berlaku", (IZIN_DOC, IZIN_LIST), "bh", "Selama izin berlaku"),
    ("Lampiran teknis dokumen AMDAL yang memuat rahasia proses produksi pemrakarsa", "lingkungan",
     "Setiap penilaian", SOFT_HARD, "Selama kegiatan berjalan", (AMDAL,), "b", "Selama kegiatan berjalan"),
    ("Memorandum, telaah staf dan konsep keputusan yang belum ditetapkan", "hukum", "Setiap penyusunan",
     HARD, "5 tahun", (SK, NOTULEN), "i", "Sampai keputusan ditetapkan"),
    ("Notulen rapat internal Tim Anggaran Pemerintah Daerah yang belum menjadi keputusan", "perencanaan",
     "Setiap rapat", HARD, "5 tahun", (NOTULEN,), "i", "Sampai APBD ditetapkan"),
    ("Dokumen SPJ perjalanan dinas yang memuat data pribadi pegawai dan memorandum internal", "keuangan",
     "Setiap perjalanan", HARD, "10 tahun", (SPPD,), "hi", "5 tahun"),
    ("Lampiran perjanjian kerja sama yang memuat rahasia dagang dan perhitungan bisnis mitra", "hukum",
     "Setiap perjanjian", HARD, "Selama berlaku ditambah 5 tahun", (KERJA_SAMA,), "b", "Selama perjanjian berlaku"),
    ("Data pribadi pemohon informasi dan pengadu", "pelayanan", "Setiap permohonan", SOFT_HARD, "5 tahun", (), "h",
     "Selama data dikelola"),
    ("Rekaman CCTV dan data sistem pengamanan gedung pemerintahan", "pelayanan", "Setiap hari", "Softcopy (video)",
     "30 hari", (), "c", "Selama sistem digunakan"),
    ("Rencana pengamanan dan rencana kontinjensi objek vital daerah", BPBD, "Setiap tahun", HARD, "5 tahun", (), "c",
     "5 tahun"),
]

# Harms of the letters HARM does not cover (the consequence test's words).
MORE_HARM = {
    "c": "dapat membahayakan pengamanan objek vital dan keselamatan orang di dalamnya",
}


def harm(letter: str) -> str:
    return HARM.get(letter) or MORE_HARM[letter]


# Entries the office took out of its DIP (shown as retired): summary, holder, class, reason.
RETIRED = [
    ("Rencana Strategis perangkat daerah periode sebelumnya", "perencanaan", "berkala",
     "Diganti Renstra periode berjalan"),
    ("Daftar penerima beasiswa daerah (program telah berakhir)", "sosial", "berkala", "Program dihentikan"),
]
