"""Word lists and fixed tables of the demo register (:mod:`.demo`): names by naming
tradition, places, streets, occupations, purposes, requested information, default units,
notes and reasons, and the weights of channels and decisions. Data only."""

from __future__ import annotations

from itertools import accumulate

from .codes import Channel, Decision
from .nik import PROVINCES


# Per naming tradition: given names (men, women), then second or family names (men, women).

def _w(text: str) -> list[str]:
    return text.split()


_MARGA = _w("Siregar Nasution Simanjuntak Hutapea Sitompul Panjaitan Pardede Situmorang Sinaga Lubis Harahap "
            "Simatupang Tambunan Manurung Hutagalung Sihombing")
_SHE = _w("Wijaya Halim Tanoto Gunawan Kusuma Salim Tanuwijaya Hartanto Setiadi Liem Tanjaya Lim")
_ARAB = _w("Alatas Assegaf Alhabsyi Aljufri Shihab Alaydrus Bafadhal Basalamah Al-Hadad Zubaidi")
NAMES: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "jawa": (_w("Budi Agus Slamet Joko Bambang Heru Sugeng Teguh Wahyu Eko Dwi Bayu Yudi Hadi Sutrisno Gatot "
                "Purwanto Rudi Anton Aris"),
             _w("Sri Siti Dewi Endang Tutik Wulan Ratna Rini Sulastri Suwarni Kartika Ayu Retno Wiwik Sumarni "
                "Yuni Indah"),
             _w("Santoso Prasetyo Nugroho Setiawan Hartono Wibowo Purnomo Susilo Kuncoro Widodo Saputro Hidayat "
                "Sulistyo Pramono Haryanto"),
             _w("Lestari Rahayu Handayani Wahyuni Puspitasari Utami Rahmawati Susanti Kusumawati Wulandari")),
    "sunda": (_w("Asep Ujang Dadang Cecep Yayan Dede Iwan Deden Encep Ade Hendra Rahmat"),
              _w("Euis Neneng Imas Yanti Lilis Nining Cucu Iis Eneng Rina Tati"),
              _w("Sunarya Hidayat Supriatna Kurniawan Permana Gunawan Saputra Sobari Suhendar Mulyana"),
              _w("Nurhayati Rosmiati Kurniasih Komalasari Herawati Rahmawati Sumiati")),
    "batak": (_w("Togar Martua Parulian Hotman Binsar Maruli Sahat Bonar Hasudungan Poltak Jonner"),
              _w("Rosmawati Lasma Tiurma Rotua Dameria Nurmaida Romauli Sondang Friska"), _MARGA, _MARGA),
    "minang": (_w("Rizal Zulkifli Syahrul Afrizal Yusrizal Hendri Fauzan Irwan Zainal Erwin Nofrizal"),
               _w("Yusnidar Nurhasanah Rahmi Fitri Yenni Desi Zulhijah Rosna Yusniar Elfi"),
               _w("Syam Effendi Darmawan Anwar Syahputra Hamdani Chaniago Tanjung Piliang Koto"),
               _w("Yanti Hayati Novita Chaniago Tanjung Koto Piliang")),
    "bugis": (_w("Andi Baso Arsyad Syamsuddin Haeruddin Nurdin Jufri Amiruddin Ramli Saharuddin Mustari"),
              _w("Hasnah Nurhaedah Hasmiati Nurjannah Haslinda Rosdiana Sitti Hartati Marlina"),
              _w("Pananrangi Mappasessu Tahir Latif Sulaiman Mappiare Rachman Palallo Sanusi Makkasau"),
              _w("Tahir Latif Sulaiman Rachman Sanusi Mappiare")),
    "bali": (_w("Sudarsana Suastika Wirawan Artawan Sukadana Astawa Mahendra Darmawan Sudiarta Widiana"),
             _w("Ariani Kartini Sukarmi Purnamasari Sudiartini Widiastuti Suryani Ayu Sriani"), [], []),
    "tionghoa": (_w("Hendra Yohanes Stefanus Kevin Ricky Willy Andreas Fransiskus Hartono Johan Sugianto"),
                 _w("Lina Susanti Yuliana Meliana Veronika Felicia Cynthia Lanny Meiliana Vivian"), _SHE, _SHE),
    "arab": (_w("Muhammad Ahmad Abdullah Hasan Husein Umar Ali Fadli Faisal Hamzah Rizki Fauzi Ilham Arif"),
             _w("Fatimah Aisyah Khadijah Zahra Nabila Salma Syarifah Nur Laila Maryam Annisa"),
             [*_ARAB, *_w("Hidayatullah Ramadhan Maulana Fauzan")], [*_ARAB, *_w("Azzahra Fitriani Aini")]),
}
ETHNIC = list(NAMES)
ETHNIC_CUM = list(accumulate([40, 12, 7, 6, 6, 4, 7, 18]))
BALI_ORDER = ["Wayan", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang", "Gede"]
DEGREES = [", S.H.", ", S.E.", ", S.Pd.", ", S.Sos.", ", S.T.", ", M.Si.", ", S.Kom.", ", M.H."]

# Province code -> kabupaten/kota: (2-digit code, name, some of its kecamatan), so that an
# address matches the NIK's region.

def _places(*rows: str) -> list[tuple[str, str, list[str]]]:
    result = []
    for row in rows:
        code, name, districts = row.split("|")
        result.append((code, name, districts.split(";")))
    return result


PLACES: dict[str, list[tuple[str, str, list[str]]]] = {
    "35": _places("78|Kota Surabaya|Sukolilo;Wonokromo;Gubeng;Tegalsari;Rungkut;Tambaksari;Genteng",
                  "73|Kota Malang|Lowokwaru;Klojen;Blimbing;Kedungkandang;Sukun",
                  "15|Kab. Sidoarjo|Candi;Porong;Sukodono;Waru;Taman;Sidoarjo",
                  "25|Kab. Gresik|Driyorejo;Kebomas;Manyar;Gresik", "07|Kab. Malang|Kepanjen;Singosari;Lawang",
                  "09|Kab. Jember|Ambulu;Kaliwates;Sumbersari;Patrang", "16|Kab. Mojokerto|Sooko;Trowulan;Mojosari",
                  "71|Kota Kediri|Mojoroto;Pesantren;Kota Kediri", "24|Kab. Lamongan|Babat;Paciran;Lamongan",
                  "10|Kab. Banyuwangi|Genteng;Rogojampi;Banyuwangi", "14|Kab. Pasuruan|Bangil;Pandaan;Gempol",
                  "29|Kab. Sumenep|Kalianget;Kota Sumenep"),
    "33": _places("74|Kota Semarang|Tembalang;Banyumanik;Semarang Tengah", "72|Kota Surakarta|Laweyan;Banjarsari;Jebres",
                  "02|Kab. Banyumas|Sokaraja;Purwokerto Utara", "22|Kab. Semarang|Ungaran Barat;Ambarawa",
                  "13|Kab. Karanganyar|Colomadu;Karanganyar"),
    "34": _places("71|Kota Yogyakarta|Gondokusuman;Umbulharjo;Kotagede", "04|Kab. Sleman|Depok;Mlati;Ngaglik",
                  "02|Kab. Bantul|Sewon;Kasihan;Banguntapan"),
    "32": _places("73|Kota Bandung|Coblong;Sukajadi;Cibeunying Kaler", "04|Kab. Bandung|Baleendah;Soreang",
                  "75|Kota Bekasi|Bekasi Timur;Bekasi Selatan", "01|Kab. Bogor|Cibinong;Citeureup",
                  "77|Kota Cimahi|Cimahi Tengah;Cimahi Utara"),
    "36": _places("71|Kota Tangerang|Karawaci;Cipondoh", "03|Kab. Tangerang|Kelapa Dua;Curug",
                  "73|Kota Serang|Cipocok Jaya;Serang"),
    "31": _places("71|Kota Jakarta Selatan|Kebayoran Baru;Tebet;Pancoran", "72|Kota Jakarta Timur|Matraman;Duren Sawit",
                  "73|Kota Jakarta Pusat|Menteng;Gambir", "74|Kota Jakarta Barat|Kebon Jeruk;Palmerah",
                  "75|Kota Jakarta Utara|Koja;Tanjung Priok"),
    "12": _places("71|Kota Medan|Medan Baru;Medan Petisah;Medan Johor", "07|Kab. Deli Serdang|Lubuk Pakam;Tanjung Morawa",
                  "72|Kota Pematangsiantar|Siantar Barat;Siantar Utara"),
    "13": _places("71|Kota Padang|Padang Barat;Kuranji;Lubuk Begalung", "75|Kota Bukittinggi|Guguk Panjang",
                  "05|Kab. Padang Pariaman|Lubuk Alung;Batang Anai"),
    "14": _places("71|Kota Pekanbaru|Sukajadi;Marpoyan Damai"), "11": _places("71|Kota Banda Aceh|Kuta Alam;Baiturrahman"),
    "16": _places("71|Kota Palembang|Ilir Timur I;Seberang Ulu I"),
    "18": _places("71|Kota Bandar Lampung|Tanjung Karang Pusat;Kedaton"),
    "51": _places("71|Kota Denpasar|Denpasar Barat;Denpasar Selatan", "03|Kab. Badung|Kuta;Mengwi",
                  "04|Kab. Gianyar|Ubud;Gianyar", "08|Kab. Buleleng|Buleleng;Sukasada"),
    "52": _places("71|Kota Mataram|Cakranegara;Ampenan"), "53": _places("71|Kota Kupang|Oebobo;Kelapa Lima"),
    "61": _places("71|Kota Pontianak|Pontianak Kota;Pontianak Selatan"),
    "63": _places("71|Kota Banjarmasin|Banjarmasin Tengah;Banjarmasin Utara"),
    "64": _places("72|Kota Samarinda|Samarinda Ulu;Sungai Kunjang", "71|Kota Balikpapan|Balikpapan Kota"),
    "71": _places("71|Kota Manado|Wenang;Malalayang"),
    "73": _places("71|Kota Makassar|Panakkukang;Tamalate;Rappocini", "06|Kab. Gowa|Somba Opu",
                  "11|Kab. Bone|Tanete Riattang", "72|Kota Parepare|Bacukiki"),
    "81": _places("71|Kota Ambon|Sirimau;Nusaniwe"), "91": _places("71|Kota Jayapura|Jayapura Utara;Abepura"),
}
assert set(PLACES) <= set(PROVINCES)
HOME = "35"  # the demo office sits in Jawa Timur (seed 002)
ORIGIN = {"jawa": ["35", "33", "34", "31"], "sunda": ["32", "36", "31"], "batak": ["12", "31"],
          "minang": ["13", "14", "31"], "bugis": ["73", "64"], "bali": ["51"], "tionghoa": ["31", "35", "12", "61"],
          "arab": ["35", "31", "32", "11", "73", "16", "18", "52", "53", "63", "71", "81", "91"]}
STREETS = ("Diponegoro;Sudirman;Ahmad Yani;Gajah Mada;Pahlawan;Merdeka;Imam Bonjol;Hayam Wuruk;Kartini;"
           "Cut Nyak Dien;Teuku Umar;Pattimura;Veteran;Melati;Kenanga;Mawar;Anggrek;Raya Darmo;Kusuma Bangsa;"
           "Hasanuddin;Sisingamangaraja;Dr. Soetomo;Mayjen Sungkono;Ki Hajar Dewantara;Raya Lawang").split(";")
KELURAHAN = ("Sukamaju;Sukajadi;Karangrejo;Sidomulyo;Tegalsari;Kebonsari;Mulyorejo;Sumbersari;Kampung Baru;"
             "Pasar Baru;Banjarsari;Kedungdoro;Margasari;Jatimulyo;Wonorejo;Pandanwangi;Ketintang;Gubeng;"
             "Ngagel;Kertajaya;Tlogomas;Dinoyo;Sukoharjo;Purwantoro").split(";")
KECAMATAN = ("Sukolilo Wonokromo Lowokwaru Klojen Sukodono Candi Porong Kepanjen Singosari Ambulu Genteng "
             "Rogojampi Babat Bangil Driyorejo Kalianget Tegalsari Gubeng Blimbing Kedungkandang").split()
DESA = "Sumberagung Karangrejo Sidomulyo Tegalrejo Mojosari Wonorejo Banjarsari Kedungsari Ngadirejo Jatirejo".split()

# Occupation, weight, kind of purpose.
JOBS = [("Wiraswasta", 16, "usaha"), ("Karyawan Swasta", 14, "umum"), ("Mahasiswa", 16, "studi"),
        ("Pegawai Negeri Sipil", 6, "umum"), ("Guru", 5, "umum"), ("Petani", 5, "warga"), ("Nelayan", 2, "warga"),
        ("Pedagang", 5, "usaha"), ("Wartawan", 7, "pers"), ("Advokat", 3, "hukum"), ("Peneliti", 3, "ilmu"),
        ("Dosen", 3, "ilmu"), ("Mengurus Rumah Tangga", 5, "warga"), ("Pensiunan", 3, "warga"),
        ("Buruh Harian Lepas", 3, "warga"), ("Pegiat LSM", 4, "lsm"), ("Perangkat Desa", 2, "warga")]
JOB_CUM = list(accumulate(w for _, w, _ in JOBS))
PURPOSES = {
    "studi": ["Bahan penyusunan skripsi", "Bahan penelitian tugas akhir", "Referensi penyusunan tesis",
              "Tugas mata kuliah kebijakan publik"],
    "ilmu": ["Bahan penelitian", "Kajian akademik kebijakan daerah", "Bahan penulisan artikel jurnal ilmiah"],
    "pers": ["Bahan pemberitaan", "Bahan liputan investigasi", "Verifikasi data untuk pemberitaan"],
    "lsm": ["Pemantauan penggunaan anggaran publik", "Bahan advokasi masyarakat",
            "Kajian transparansi pengadaan barang/jasa", "Pendampingan warga penerima bantuan"],
    "usaha": ["Bahan penyusunan rencana usaha", "Persyaratan mengikuti tender", "Mengetahui peluang kerja sama usaha"],
    "hukum": ["Bahan pembuktian dalam perkara di pengadilan", "Pendampingan hukum klien"],
    "warga": ["Mengetahui hak sebagai warga", "Bahan musyawarah warga", "Mengetahui status bantuan keluarga",
              "Pengawasan pembangunan di lingkungan tempat tinggal"],
    "umum": ["Kepentingan pribadi", "Menambah pengetahuan", "Bahan diskusi kelompok", "Referensi pekerjaan"],
}
GROUPS = ["Kelompok Tani {}", "Forum Warga Kelurahan {}", "Paguyuban Pedagang Pasar {}", "Karang Taruna Desa {}",
          "Komunitas Peduli Lingkungan {}", "Gabungan Kelompok Tani {}", "Himpunan Nelayan {}"]
BODIES = [("Yayasan Lembaga Bantuan Hukum {}", "AH.01.04", "lsm"),
          ("Perkumpulan Masyarakat Transparansi {}", "AH.01.07", "lsm"),
          ("Yayasan Pendidikan {}", "AH.01.04", "umum"), ("PT {} Konstruksi", "AH.01.01", "usaha"),
          ("PT {} Mandiri Sejahtera", "AH.01.01", "usaha"), ("Perkumpulan Jurnalis {}", "AH.01.07", "pers"),
          ("Koperasi Serba Usaha {}", "BH", "usaha")]
PHONE_PREFIX = "11 12 13 21 22 23 52 53 14 15 16 55 56 57 58 17 18 19 59 77 78 95 96 97 98 99 81 82 83 85 87".split()
MAIL = ["gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com", "ymail.com"]

# Information asked: text template, the unit key that holds it, Pasal 17 letters if refused.
INFO: list[tuple[str, str, str]] = [
    ("Salinan Dokumen Pelaksanaan Anggaran (DPA) {skpd} Tahun Anggaran {ta}", "keuangan", ""),
    ("Rencana Kerja dan Anggaran (RKA) {skpd} Tahun {ta}", "perencanaan", ""),
    ("Laporan Realisasi Anggaran semester {sem} Tahun Anggaran {ta}", "keuangan", ""),
    ("Laporan Keuangan Tahun {ta} yang telah diaudit BPK beserta Laporan Hasil Pemeriksaan", "keuangan", ""),
    ("Salinan Surat Keputusan {pejabat} tentang {sk} Tahun {ta}", "hukum", "i"),
    ("Data penerima bantuan sosial {bansos} di Kecamatan {kec} Tahun {ta} (nama dan alamat)", "sosial", "h"),
    ("Jumlah penerima dan realisasi penyaluran {bansos} per kecamatan Tahun {ta}", "sosial", ""),
    ("Daftar {izin} yang diterbitkan pada Tahun {ta}", "perizinan", "b"),
    ("Salinan dokumen {izin} atas nama {pt} di Kecamatan {kec}", "perizinan", "bh"),
    ("Dokumen RPJMD {periode} beserta perubahannya", "perencanaan", ""),
    ("Rencana Kerja Pemerintah Daerah (RKPD) Tahun {ta}", "perencanaan", ""),
    ("Rencana Umum Pengadaan (RUP) barang/jasa {skpd} Tahun {ta}", "pengadaan", ""),
    ("Dokumen kontrak dan addendum pekerjaan {proyek} Tahun Anggaran {ta}", "pengadaan", "b"),
    ("Harga Perkiraan Sendiri (HPS) paket pekerjaan {proyek} Tahun {ta}", "pengadaan", "b"),
    ("Daftar pemenang tender pengadaan barang/jasa Tahun {ta} beserta nilai kontraknya", "pengadaan", ""),
    ("Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {ta}", "perencanaan", ""),
    ("Rencana Strategis (Renstra) {skpd} {periode}", "perencanaan", ""),
    ("Data jumlah Aparatur Sipil Negara menurut golongan, jabatan dan pendidikan Tahun {ta}", "kepegawaian", ""),
    ("Hasil seleksi {seleksi} Tahun {ta} beserta nilai peserta", "kepegawaian", "h"),
    ("Laporan Hasil Pemeriksaan Inspektorat atas {audit} Tahun {ta}", "inspektorat", "ai"),
    ("Data penerima dana hibah organisasi kemasyarakatan Tahun {ta} beserta nilainya", "keuangan", ""),
    ("Dokumen AMDAL/UKL-UPL kegiatan {proyek}", "lingkungan", "b"),
    ("Daftar aset tanah milik pemerintah daerah di Kecamatan {kec}", "keuangan", ""),
    ("Standar Operasional Prosedur (SOP) pelayanan {layanan}", "pelayanan", ""),
    ("Data realisasi Dana Desa dan Alokasi Dana Desa Desa {desa} Tahun {ta}", "keuangan", ""),
    ("Notulen rapat {rapat} Tahun {ta}", "hukum", "i"),
    ("Perjanjian kerja sama pemerintah daerah dengan {pt} tentang {kerja_sama}", "hukum", "b"),
    ("Data penduduk miskin dan penerima PBI JKN per desa di Kecamatan {kec} Tahun {ta}", "sosial", "h"),
    ("Laporan pertanggungjawaban anggaran perjalanan dinas {skpd} Tahun {ta}", "keuangan", "i"),
    ("Daftar Informasi Publik (DIP) dan daftar informasi yang dikecualikan Tahun {ta}", "pelayanan", ""),
    ("Berkas pemeriksaan dugaan pelanggaran disiplin pegawai di {skpd}", "kepegawaian", "ah"),
    ("Data kerusakan jalan dan rencana perbaikan ruas jalan di Kecamatan {kec} Tahun {ta}", "pu", ""),
]
FILL = {
    "skpd": ["Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Sosial",
             "Badan Kepegawaian Daerah", "Dinas Perhubungan", "Sekretariat DPRD", "Rumah Sakit Umum Daerah",
             "Dinas Lingkungan Hidup", "Badan Penanggulangan Bencana Daerah"],
    "sem": ["I", "II"],
    "pejabat": ["Gubernur", "Bupati", "Wali Kota", "Sekretaris Daerah", "Kepala Dinas"],
    "sk": ["pembentukan Tim Anggaran Pemerintah Daerah", "penetapan lokasi pembangunan", "penetapan tarif retribusi",
           "pengangkatan pejabat administrator", "penetapan penerima beasiswa", "standar biaya umum"],
    "bansos": ["Program Keluarga Harapan (PKH)", "Bantuan Pangan Non Tunai (BPNT)", "BLT Dana Desa",
               "bantuan rumah tidak layak huni (RTLH)", "bantuan beasiswa siswa miskin"],
    "izin": ["Persetujuan Bangunan Gedung (PBG)", "izin usaha pertambangan", "persetujuan lingkungan",
             "izin reklame", "izin usaha toko swalayan", "izin lokasi perumahan"],
    "proyek": ["pembangunan jalan lingkar kota", "rehabilitasi gedung SD Negeri", "pengadaan kendaraan dinas",
               "pembangunan jembatan desa", "pengadaan alat kesehatan RSUD", "revitalisasi pasar rakyat",
               "normalisasi saluran drainase", "pengadaan komputer dan laptop", "pembangunan gedung kantor"],
    "seleksi": ["CPNS", "PPPK guru", "PPPK tenaga kesehatan", "terbuka jabatan pimpinan tinggi pratama"],
    "audit": ["pengelolaan dana BOS", "belanja perjalanan dinas", "pengelolaan keuangan desa",
              "pengadaan alat kesehatan", "pengelolaan retribusi parkir"],
    "layanan": ["perizinan", "informasi publik", "pengaduan masyarakat", "kepegawaian"],
    "rapat": ["Badan Anggaran DPRD pembahasan APBD", "koordinasi Tim Anggaran Pemerintah Daerah",
              "evaluasi kinerja triwulan", "pembahasan rancangan peraturan daerah"],
    "kerja_sama": ["pengelolaan parkir", "pengelolaan sampah", "penyediaan air bersih", "pemanfaatan aset daerah"],
    "kec": KECAMATAN, "desa": DESA,
    "pt": ["PT Surya Abadi", "PT Karya Mandiri", "PT Bumi Lestari", "PT Sinar Jaya Konstruksi", "PT Tirta Makmur",
           "CV Mitra Utama", "PT Graha Nusantara"],
}
UNITS = [  # default units: name, kind, key
    ("Bidang Pelayanan dan Dokumentasi Informasi", "bidang", "pelayanan"),
    ("Bidang Pengolahan Data dan Klasifikasi Informasi", "bidang", "data"),
    ("Bagian Hukum Sekretariat Daerah", "ppid_pembantu", "hukum"),
    ("Badan Perencanaan Pembangunan Daerah", "skpd", "perencanaan"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "skpd", "keuangan"),
    ("Dinas Sosial", "skpd", "sosial"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "skpd", "perizinan"),
    ("Bagian Pengadaan Barang dan Jasa", "ppid_pembantu", "pengadaan"),
    ("Badan Kepegawaian Daerah", "skpd", "kepegawaian"),
    ("Inspektorat Daerah", "skpd", "inspektorat"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "skpd", "pu"),
    ("Dinas Lingkungan Hidup", "skpd", "lingkungan"),
]
HARM = {
    "a": "dapat menghambat proses pemeriksaan dan penyidikan yang sedang berjalan",
    "b": "dapat mengganggu persaingan usaha yang sehat karena memuat rahasia dagang pihak ketiga",
    "h": "dapat mengungkap data pribadi (NIK, alamat, kondisi ekonomi dan kesehatan) yang dilindungi",
    "i": "merupakan memorandum intra badan publik yang menurut sifatnya dirahasiakan dan masih dalam "
         "proses pengambilan kebijakan",
}
STATUTES = ["UU 23/2006 jo. UU 24/2013 tentang Administrasi Kependudukan",
            "UU 27/2022 tentang Pelindungan Data Pribadi"]
HOLDERS = ["Badan Pusat Statistik Provinsi Jawa Timur", "Kantor Wilayah Badan Pertanahan Nasional",
           "Dinas Kependudukan dan Pencatatan Sipil", "BPK RI Perwakilan Provinsi Jawa Timur",
           "Kementerian Keuangan", "Pemerintah Desa setempat", "Balai Besar Wilayah Sungai Brantas"]
MISSING = ["Fotokopi KTP pemohon", "Surat kuasa khusus bermeterai", "Salinan SK pengesahan badan hukum",
           "Rincian informasi yang diminta belum jelas", "Tujuan penggunaan informasi belum diisi"]
EXTEND = ["Informasi berjumlah banyak dan perlu dihimpun dari beberapa unit",
          "Perlu uji konsekuensi atas sebagian informasi", "Dokumen berada di arsip inaktif dan perlu ditelusuri"]
WITHDRAW = ["Pemohon telah memperoleh informasi dari sumber lain", "Pemohon membatalkan permohonan secara tertulis",
            "Keperluan pemohon sudah tidak ada"]
ROUTE_NOTES = ["", "", "Mohon disiapkan salinan dokumen", "Mohon ditindaklanjuti sesuai ketentuan",
               "Segera, mohon koordinasi dengan PPID"]
PARTIAL = ["NIK, alamat dan nomor rekening penerima dihitamkan (Pasal 17 huruf h UU KIP)",
           "Lampiran yang memuat rahasia dagang pihak ketiga tidak diberikan (Pasal 17 huruf b UU KIP)",
           "Bagian yang memuat data pribadi pegawai dihitamkan (Pasal 17 huruf h UU KIP)"]
NOT_DOCUMENTED = ["Dokumen belum selesai disusun", "Data belum dihimpun dalam bentuk dokumen",
                  "Informasi belum didokumentasikan oleh unit terkait"]

CHANNEL_IN_HOURS = [Channel.WALK_IN] * 35 + [Channel.EMAIL] * 20 + [Channel.WEBSITE] * 15 + \
    [Channel.PHONE] * 8 + [Channel.LETTER] * 13 + [Channel.SMS] * 6 + [Channel.FAX] * 3
CHANNEL_OUTSIDE = [Channel.EMAIL] * 45 + [Channel.WEBSITE] * 35 + [Channel.SMS] * 20
DECISIONS = [Decision.GRANTED_FULL, Decision.GRANTED_PARTIAL, Decision.REJECTED, Decision.NOT_HELD,
             Decision.NOT_DOCUMENTED]
DECISION_CUM = list(accumulate([64, 12, 6, 12, 6]))
RISKY_DECISION_CUM = list(accumulate([48, 26, 16, 7, 3]))
DECIDE_DAY_CUM = list(accumulate([3, 5, 7, 9, 10, 10, 10, 9, 8, 7]))  # working day 1..10
OFFICERS = ["Siti Rahmawati", "Dwi Ariyanto", "Rina Puspitasari", "Agus Setiawan", "Nur Aini"]
