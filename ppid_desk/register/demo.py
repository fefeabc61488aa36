"""Demo data: a register full of realistic Indonesian requests, reproducible by seed.

``generate(n, seed, years, today)`` fills an empty register with requesters (mostly
persons with valid NIKs, some groups and legal bodies, some returning), units (when the
office has none), and requests received over the past ``years`` years, each with the
full event history the state machine (:mod:`.lifecycle`) allows, cut off at the start
of ``today``: old requests are closed, recent ones still run, a few are overdue.

Everything is drawn from ``random.Random(seed)`` and ``today``, so the same seed, day,
calendar and office settings give the same register. Rows are built in Python and
written in bulk in one transaction (the slow per-row path of :mod:`.service` would take
minutes for 100,000 requests); the search index is rebuilt once at the end.
"""

from __future__ import annotations

import json
import random
import string
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate

from ..calendar import WorkingCalendar
from ..errors import ValidationError
from ..office import load_office
from ..store import sqlite
from ..store.models import Request, RequestEvent, Requester, RequestUnit, Unit, database
from ..workdays import load_calendar
from .codes import (
    Channel, Decision, DeliveryForm, DeliveryMethod, EventKind, ObtainMethod, RequesterKind, Status,
)
from .nik import PROVINCES
from .numbering import ROMAN, format_number, raise_floor
from .service import SERIES

Progress = Callable[[int, int], None]
CHUNK = 5_000  # requests written per batch (bounded memory at a million requests)


@dataclass
class DemoSummary:
    requests: int = 0
    requesters: int = 0
    events: int = 0
    routings: int = 0
    units_created: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Status})
    by_year: dict[int, int] = field(default_factory=dict)


# --- words ------------------------------------------------------------------------------
# Per naming tradition: given names (men, women), then second or family names (men, women).

def _w(text: str) -> list[str]:
    return text.split()


_MARGA = _w("Siregar Nasution Simanjuntak Hutapea Sitompul Panjaitan Pardede Situmorang Sinaga Lubis Harahap "
            "Simatupang Tambunan Manurung Hutagalung Sihombing")
_SHE = _w("Wijaya Halim Tanoto Gunawan Kusuma Salim Tanuwijaya Hartanto Setiadi Liem Tanjaya Lim")
_ARAB = _w("Alatas Assegaf Alhabsyi Aljufri Shihab Alaydrus Bafadhal Basalamah Al-Hadad Zubaidi")
_NAMES: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
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
_ETHNIC = list(_NAMES)
_ETHNIC_CUM = list(accumulate([40, 12, 7, 6, 6, 4, 7, 18]))
_BALI_ORDER = ["Wayan", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang", "Gede"]
_DEGREES = [", S.H.", ", S.E.", ", S.Pd.", ", S.Sos.", ", S.T.", ", M.Si.", ", S.Kom.", ", M.H."]

# Province code -> kabupaten/kota: (2-digit code, name, some of its kecamatan), so that an
# address matches the NIK's region.

def _places(*rows: str) -> list[tuple[str, str, list[str]]]:
    result = []
    for row in rows:
        code, name, districts = row.split("|")
        result.append((code, name, districts.split(";")))
    return result


_PLACES: dict[str, list[tuple[str, str, list[str]]]] = {
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
assert set(_PLACES) <= set(PROVINCES)
_HOME = "35"  # the demo office sits in Jawa Timur (seed 002)
_ORIGIN = {"jawa": ["35", "33", "34", "31"], "sunda": ["32", "36", "31"], "batak": ["12", "31"],
           "minang": ["13", "14", "31"], "bugis": ["73", "64"], "bali": ["51"], "tionghoa": ["31", "35", "12", "61"],
           "arab": ["35", "31", "32", "11", "73", "16", "18", "52", "53", "63", "71", "81", "91"]}
_STREETS = ("Diponegoro;Sudirman;Ahmad Yani;Gajah Mada;Pahlawan;Merdeka;Imam Bonjol;Hayam Wuruk;Kartini;"
            "Cut Nyak Dien;Teuku Umar;Pattimura;Veteran;Melati;Kenanga;Mawar;Anggrek;Raya Darmo;Kusuma Bangsa;"
            "Hasanuddin;Sisingamangaraja;Dr. Soetomo;Mayjen Sungkono;Ki Hajar Dewantara;Raya Lawang").split(";")
_KELURAHAN = ("Sukamaju;Sukajadi;Karangrejo;Sidomulyo;Tegalsari;Kebonsari;Mulyorejo;Sumbersari;Kampung Baru;"
              "Pasar Baru;Banjarsari;Kedungdoro;Margasari;Jatimulyo;Wonorejo;Pandanwangi;Ketintang;Gubeng;"
              "Ngagel;Kertajaya;Tlogomas;Dinoyo;Sukoharjo;Purwantoro").split(";")
_KECAMATAN = ("Sukolilo Wonokromo Lowokwaru Klojen Sukodono Candi Porong Kepanjen Singosari Ambulu Genteng "
              "Rogojampi Babat Bangil Driyorejo Kalianget Tegalsari Gubeng Blimbing Kedungkandang").split()
_DESA = "Sumberagung Karangrejo Sidomulyo Tegalrejo Mojosari Wonorejo Banjarsari Kedungsari Ngadirejo Jatirejo".split()

# Occupation, weight, kind of purpose.
_JOBS = [("Wiraswasta", 16, "usaha"), ("Karyawan Swasta", 14, "umum"), ("Mahasiswa", 16, "studi"),
         ("Pegawai Negeri Sipil", 6, "umum"), ("Guru", 5, "umum"), ("Petani", 5, "warga"), ("Nelayan", 2, "warga"),
         ("Pedagang", 5, "usaha"), ("Wartawan", 7, "pers"), ("Advokat", 3, "hukum"), ("Peneliti", 3, "ilmu"),
         ("Dosen", 3, "ilmu"), ("Mengurus Rumah Tangga", 5, "warga"), ("Pensiunan", 3, "warga"),
         ("Buruh Harian Lepas", 3, "warga"), ("Pegiat LSM", 4, "lsm"), ("Perangkat Desa", 2, "warga")]
_JOB_CUM = list(accumulate(w for _, w, _ in _JOBS))
_PURPOSES = {
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
_GROUPS = ["Kelompok Tani {}", "Forum Warga Kelurahan {}", "Paguyuban Pedagang Pasar {}", "Karang Taruna Desa {}",
           "Komunitas Peduli Lingkungan {}", "Gabungan Kelompok Tani {}", "Himpunan Nelayan {}"]
_BODIES = [("Yayasan Lembaga Bantuan Hukum {}", "AH.01.04", "lsm"),
           ("Perkumpulan Masyarakat Transparansi {}", "AH.01.07", "lsm"),
           ("Yayasan Pendidikan {}", "AH.01.04", "umum"), ("PT {} Konstruksi", "AH.01.01", "usaha"),
           ("PT {} Mandiri Sejahtera", "AH.01.01", "usaha"), ("Perkumpulan Jurnalis {}", "AH.01.07", "pers"),
           ("Koperasi Serba Usaha {}", "BH", "usaha")]
_PHONE_PREFIX = "11 12 13 21 22 23 52 53 14 15 16 55 56 57 58 17 18 19 59 77 78 95 96 97 98 99 81 82 83 85 87".split()
_MAIL = ["gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com", "ymail.com"]

# Information asked: text template, the unit key that holds it, Pasal 17 letters if refused.
_INFO: list[tuple[str, str, str]] = [
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
_FILL = {
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
    "kec": _KECAMATAN, "desa": _DESA,
    "pt": ["PT Surya Abadi", "PT Karya Mandiri", "PT Bumi Lestari", "PT Sinar Jaya Konstruksi", "PT Tirta Makmur",
           "CV Mitra Utama", "PT Graha Nusantara"],
}
_UNITS = [  # default units: name, kind, key
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
_HARM = {
    "a": "dapat menghambat proses pemeriksaan dan penyidikan yang sedang berjalan",
    "b": "dapat mengganggu persaingan usaha yang sehat karena memuat rahasia dagang pihak ketiga",
    "h": "dapat mengungkap data pribadi (NIK, alamat, kondisi ekonomi dan kesehatan) yang dilindungi",
    "i": "merupakan memorandum intra badan publik yang menurut sifatnya dirahasiakan dan masih dalam "
         "proses pengambilan kebijakan",
}
_STATUTES = ["UU 23/2006 jo. UU 24/2013 tentang Administrasi Kependudukan",
             "UU 27/2022 tentang Pelindungan Data Pribadi"]
_HOLDERS = ["Badan Pusat Statistik Provinsi Jawa Timur", "Kantor Wilayah Badan Pertanahan Nasional",
            "Dinas Kependudukan dan Pencatatan Sipil", "BPK RI Perwakilan Provinsi Jawa Timur",
            "Kementerian Keuangan", "Pemerintah Desa setempat", "Balai Besar Wilayah Sungai Brantas"]
_MISSING = ["Fotokopi KTP pemohon", "Surat kuasa khusus bermeterai", "Salinan SK pengesahan badan hukum",
            "Rincian informasi yang diminta belum jelas", "Tujuan penggunaan informasi belum diisi"]
_EXTEND = ["Informasi berjumlah banyak dan perlu dihimpun dari beberapa unit",
           "Perlu uji konsekuensi atas sebagian informasi", "Dokumen berada di arsip inaktif dan perlu ditelusuri"]
_WITHDRAW = ["Pemohon telah memperoleh informasi dari sumber lain", "Pemohon membatalkan permohonan secara tertulis",
             "Keperluan pemohon sudah tidak ada"]
_ROUTE_NOTES = ["", "", "Mohon disiapkan salinan dokumen", "Mohon ditindaklanjuti sesuai ketentuan",
                "Segera, mohon koordinasi dengan PPID"]
_PARTIAL = ["NIK, alamat dan nomor rekening penerima dihitamkan (Pasal 17 huruf h UU KIP)",
            "Lampiran yang memuat rahasia dagang pihak ketiga tidak diberikan (Pasal 17 huruf b UU KIP)",
            "Bagian yang memuat data pribadi pegawai dihitamkan (Pasal 17 huruf h UU KIP)"]
_NOT_DOCUMENTED = ["Dokumen belum selesai disusun", "Data belum dihimpun dalam bentuk dokumen",
                   "Informasi belum didokumentasikan oleh unit terkait"]

_CHANNEL_IN_HOURS = [Channel.WALK_IN] * 35 + [Channel.EMAIL] * 20 + [Channel.WEBSITE] * 15 + \
    [Channel.PHONE] * 8 + [Channel.LETTER] * 13 + [Channel.SMS] * 6 + [Channel.FAX] * 3
_CHANNEL_OUTSIDE = [Channel.EMAIL] * 45 + [Channel.WEBSITE] * 35 + [Channel.SMS] * 20
_DECISIONS = [Decision.GRANTED_FULL, Decision.GRANTED_PARTIAL, Decision.REJECTED, Decision.NOT_HELD,
              Decision.NOT_DOCUMENTED]
_DECISION_CUM = list(accumulate([64, 12, 6, 12, 6]))
_RISKY_DECISION_CUM = list(accumulate([48, 26, 16, 7, 3]))
_DECIDE_DAY_CUM = list(accumulate([3, 5, 7, 9, 10, 10, 10, 9, 8, 7]))  # working day 1..10


def _pick(rng: random.Random, items: Sequence, cum: list[int]):
    return items[bisect(cum, rng.random() * cum[-1])]


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ") if isinstance(value, datetime) else value.isoformat()


# The same text as service._event's json.dumps(data, default=str, ensure_ascii=False), with
# one encoder made once (json.dumps with options builds a new one per call).
_json = json.JSONEncoder(ensure_ascii=False, default=str).encode


# --- requesters ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Profile:
    """What later requests of the same requester reuse."""

    purpose: str  # key of _PURPOSES
    proxy: str  # representative or proxy, "" for none
    proxy_letter: str


class _People:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today

    def name(self) -> tuple[str, bool, str]:
        """A person's name, whether female, and the naming tradition."""
        rng = self.rng
        ethnic = _pick(rng, _ETHNIC, _ETHNIC_CUM)
        male, women, men_second, women_second = _NAMES[ethnic]
        female = rng.random() < 0.46
        given = rng.choice(women if female else male)
        family = women_second if female else men_second
        if ethnic == "bali":
            name = f"{'Ni' if female else 'I'} {rng.choice(_BALI_ORDER)} {given}"
        elif ethnic == "jawa" and rng.random() < 0.15:
            name = given  # a single name, still common in Java
        elif ethnic == "bugis" and not female and given != "Andi" and rng.random() < 0.3:
            name = f"Andi {given} {rng.choice(family)}"
        else:
            name = f"{given} {rng.choice(family)}"
        if rng.random() < 0.08:
            name += rng.choice(_DEGREES)
        return name, female, ethnic

    def place(self, ethnic: str) -> tuple[str, str, tuple[str, list[str]]]:
        """(province code, regency code, (its name, its kecamatan))."""
        rng = self.rng
        province = _HOME if rng.random() < 0.55 else rng.choice(_ORIGIN[ethnic])
        regency, name, districts = rng.choice(_PLACES[province])
        return province, regency, (name, districts)

    def nik(self, province: str, regency: str, female: bool) -> str:
        rng = self.rng
        born = self.today - timedelta(days=rng.randrange(18 * 365 + 5, 70 * 365))
        day = born.day + 40 if female else born.day
        return (f"{province}{regency}{rng.randrange(1, 31):02d}{day:02d}{born.month:02d}{born.year % 100:02d}"
                f"{rng.randrange(1, 3000):04d}")

    def address(self, city: tuple[str, list[str]]) -> str:
        rng = self.rng
        rt = f" RT {rng.randrange(1, 15):03d}/RW {rng.randrange(1, 10):03d}," if rng.random() < 0.4 else ","
        return (f"Jl. {rng.choice(_STREETS)} No. {rng.randrange(1, 250)}{rt} Kel. {rng.choice(_KELURAHAN)}, "
                f"Kec. {rng.choice(city[1])}, {city[0]}")

    def phone(self) -> str:
        rng = self.rng
        return f"08{rng.choice(_PHONE_PREFIX)}{rng.randrange(10 ** 6, 10 ** 8):08d}"

    def email(self, name: str) -> str:
        rng = self.rng
        words = ["".join(c for c in w.lower() if c.isalpha()) for w in name.split(",")[0].split()]
        words = [w for w in words if w and w not in ("i", "ni")][:2]
        local = rng.choice((".", "_", "")).join(words)
        if rng.random() < 0.6:
            local += str(rng.randrange(1, 99))
        return f"{local}@{rng.choice(_MAIL)}"

    def person(self) -> tuple[tuple, _Profile, bool]:
        """A requester row (without id and created_at), its profile, and whether it often returns."""
        rng = self.rng
        name, female, ethnic = self.name()
        province, regency, city = self.place(ethnic)
        job, _, purpose = _pick(rng, _JOBS, _JOB_CUM)
        email = self.email(name) if rng.random() < 0.4 else ""
        row = (RequesterKind.PERSON.value, name, self.nik(province, regency, female), "", self.address(city), job,
               self.phone() if rng.random() < 0.95 or not email else "", email)
        return row, _Profile(purpose, "", ""), purpose in ("pers", "lsm", "ilmu", "hukum")

    def group(self) -> tuple[tuple, _Profile, bool]:
        rng = self.rng
        rep, female, ethnic = self.name()
        province, regency, city = self.place(ethnic)
        name = rng.choice(_GROUPS).format(rng.choice(_DESA + _KELURAHAN))
        row = (RequesterKind.GROUP.value, name, self.nik(province, regency, female), "", self.address(city),
               "Kelompok masyarakat", self.phone(), "")
        return row, _Profile("warga", rep, "Surat mandat kelompok"), False

    def body(self) -> tuple[tuple, _Profile, bool]:
        rng = self.rng
        template, code, purpose = rng.choice(_BODIES)
        place = rng.choice(("Surabaya", "Jawa Timur", "Nusantara", "Brantas", "Malang Raya", "Madura", "Arek"))
        name = template.format(place)
        year = rng.randrange(1995, self.today.year)
        if code == "BH":
            legal = f"{rng.randrange(100, 999)}/BH/XVI.{rng.randrange(1, 40)}/{year}"
        else:
            legal = f"AHU-{rng.randrange(1, 10 ** 7):07d}.{code}.Tahun {year}"
        slug = "".join(w[0] for w in name.lower().split() if w[0].isalpha())
        domain = "co.id" if name.startswith("PT") else "or.id"
        phone = f"(031) {rng.randrange(3, 9)}{rng.randrange(0, 10 ** 6):06d}" if rng.random() < 0.5 else self.phone()
        kind = "Perseroan terbatas" if name.startswith("PT") else "Koperasi" if code == "BH" else "Yayasan/perkumpulan"
        row = (RequesterKind.LEGAL_BODY.value, name, None, legal, self.address(rng.choice(_PLACES[_HOME])[1:]), kind,
               phone, f"sekretariat@{slug}{rng.randrange(1, 99)}.{domain}")
        rep = self.name()[0] if rng.random() < 0.5 else ""
        return row, _Profile(purpose, rep, "Surat Kuasa Khusus" if rep else ""), True


# --- the working-day clock ----------------------------------------------------------------

class _Clock:
    """Deadlines and working days from the office calendar, cached (few distinct keys)."""

    def __init__(self, calendar: WorkingCalendar, completeness_days: int) -> None:
        self.calendar = calendar
        self.completeness_days = completeness_days
        self.hours = {wd: (h.opens.hour * 60 + h.opens.minute, h.closes.hour * 60 + h.closes.minute)
                      for wd, h in calendar.service_hours.items()}
        self._receipts: dict[tuple[date, int], tuple[date, date, date, date]] = {}
        self._after: dict[tuple[date, int], date] = {}

    def receipt(self, when: datetime) -> tuple[date, date, date, date]:
        """(effective day, completeness due, response due, extended due) of a receipt at ``when``."""
        day = when.date()
        hours = self.hours.get(day.weekday())
        minute = when.hour * 60 + when.minute
        # The receipt depends only on the day and on before / within / after service hours.
        part = 1 if hours is None else 0 if minute < hours[0] else 2 if minute >= hours[1] else 1
        hit = self._receipts.get((day, part))
        if hit is None:
            d = self.calendar.deadlines(when, completeness_days=self.completeness_days)
            hit = self._receipts[(day, part)] = (d.receipt.day, d.completeness.day, d.response.day, d.extended.day)
        return hit

    def after(self, day: date, n: int) -> date:
        """The n-th working day after ``day``."""
        hit = self._after.get((day, n))
        if hit is None:
            hit = self._after[(day, n)] = self.calendar.add_working_days(day, n).day
        return hit

    def in_hours(self, when: datetime) -> bool:
        hours = self.hours.get(when.weekday())
        minute = when.hour * 60 + when.minute
        return (hours is not None and hours[0] <= minute < hours[1]
                and self.calendar.is_working_day(when.date()))


# --- requests and their histories -------------------------------------------------------

_REQUEST_COLUMNS = [f.column_name for f in Request._meta.sorted_fields]
_REQUESTER_COLUMNS = [f.column_name for f in Requester._meta.sorted_fields]
_EVENT_COLUMNS = ["request_id", "kind", "at", "actor", "data", "imported"]
_ROUTING_COLUMNS = ["request_id", "unit_id", "note", "routed_at"]
_FIELDS = {text: [name for _, name, _, _ in string.Formatter().parse(text) if name] for text, _, _ in _INFO}
_OFFICERS = ["Siti Rahmawati", "Dwi Ariyanto", "Rina Puspitasari", "Agus Setiawan", "Nur Aini"]

# A step: (event kind, at, actor, event data, row changes, unit ids routed to).
Step = tuple[EventKind, datetime, str, dict, dict, list[int] | None]


class _Builder:
    def __init__(self, rng: random.Random, clock: _Clock, today: date, pattern: str, ppid: str,
                 units: list[tuple[int, str, str]], first_requester: int) -> None:
        self.rng = rng
        self.clock = clock
        self.people = _People(rng, today)
        self.cutoff = datetime.combine(today, time(0, 0))
        self.pattern = pattern
        self.ppid = ppid
        self.units = units
        self.by_key = {key: (uid, name) for uid, name, key in units}
        self.first_requester = self.next_requester = first_requester
        self.profiles: list[_Profile] = []
        self.frequent: list[int] = []
        self.numbers: set[str] = set()
        self.seq: dict[int, int] = {}

    # -- who asks
    def requester(self, at: datetime, out: list[tuple]) -> tuple[int, _Profile]:
        rng = self.rng
        if self.profiles and rng.random() < 0.22:
            if self.frequent and rng.random() < 0.5:
                rid = self.frequent[rng.randrange(len(self.frequent))]
            else:
                rid = self.next_requester - 1 - rng.randrange(len(self.profiles))
            return rid, self.profiles[rid - self.first_requester]
        r = rng.random()
        row, profile, frequent = (self.people.person() if r < 0.86 else self.people.group() if r < 0.93
                                  else self.people.body())
        rid = self.next_requester
        self.next_requester += 1
        out.append((rid, *row, _iso(at)))
        self.profiles.append(profile)
        if frequent:
            self.frequent.append(rid)
        return rid, profile

    # -- what is asked
    def information(self, year: int) -> tuple[str, str, str]:
        rng = self.rng
        text, unit_key, risk = rng.choice(_INFO)
        values: dict[str, object] = {}
        for name in _FIELDS[text]:
            if name == "ta":
                values[name] = year - rng.choice((0, 1, 1, 1, 2, 3))
            elif name == "periode":
                start = year - rng.randrange(0, 5)
                values[name] = f"{start}\u2013{start + 5}"
            else:
                values[name] = rng.choice(_FILL[name])
        return text.format(**values), unit_key, risk

    def request(self, rid: int, received: datetime, requests: list, requesters: list, events: list,
                routings: list) -> str:
        """Append one request with its history to the batch lists; returns its final status."""
        rng = self.rng
        clock = self.clock
        year = received.year
        seq = self.seq[year] = self.seq.get(year, 0) + 1
        number = format_number(self.pattern, seq, received.date())
        if number in self.numbers:
            raise ValidationError(f"Pola nomor menghasilkan nomor ganda ({number}); pola harus memuat {{year}} "
                                  "atau {seq} yang cukup untuk data beberapa tahun.", "pattern")
        self.numbers.add(number)
        eff, cdue, rdue, xdue = clock.receipt(received)
        in_hours = clock.in_hours(received)
        if eff == received.date():
            reg_at = received + timedelta(minutes=rng.randrange(1, 15)) if in_hours else \
                datetime.combine(eff, time(9, rng.randrange(0, 40)))
        else:
            reg_at = datetime.combine(eff, time(9, 0)) + timedelta(minutes=rng.randrange(0, 90))
        if reg_at >= self.cutoff:
            reg_at = max(received, min(received + timedelta(minutes=rng.randrange(1, 15)),
                                       self.cutoff - timedelta(minutes=1)))
        requester_id, profile = self.requester(reg_at, requesters)
        channel = rng.choice(_CHANNEL_IN_HOURS if in_hours else _CHANNEL_OUTSIDE)
        obtain, delivery = self._methods(channel)
        information, unit_key, risk = self.information(year)
        proxy, letter = profile.proxy, profile.proxy_letter
        if not proxy and rng.random() < 0.03:
            proxy, letter = self.people.name()[0], "Surat Kuasa Khusus"
        if proxy:
            letter = f"{letter} tanggal {received.date() - timedelta(days=rng.randrange(1, 20)):%d-%m-%Y}"
        officer = rng.choice(_OFFICERS)
        row = dict.fromkeys(_REQUEST_COLUMNS)
        row.update(
            id=rid, number=number, year=year, seq=seq, received_at=_iso(received), effective_day=_iso(eff),
            channel=channel.value, requester_id=requester_id, proxy_name=proxy, proxy_letter=letter,
            information=information, purpose=rng.choice(_PURPOSES[profile.purpose]), obtain_method=obtain.value,
            delivery_method=delivery.value, status=Status.REGISTERED.value, completeness_due=_iso(cdue),
            response_due=_iso(rdue), extended_due=_iso(xdue), extended=0, decision_note="", pasal17="",
            other_statute="", consequence_test="", holder_body="", delivery_form="", payment_method="",
            created_by=officer, imported=0,
        )
        registered = {"number": number, "received_at": received, "effective_day": eff, "response_due": rdue}
        steps: list[Step] = [(EventKind.REGISTERED, reg_at, officer, registered, {}, None)]
        self._life(steps, officer, eff, cdue, rdue, unit_key, risk, obtain, delivery)
        cutoff = self.cutoff
        for kind, at, actor, data, changes, units in steps:
            if at >= cutoff:
                break  # the rest of this request's life has not happened yet
            events.append((rid, kind.value, _iso(at), actor, _json(data), 0))
            row.update(changes)
            if units:
                routings.extend((rid, unit, data["note"], _iso(at)) for unit in units)
        requests.append(tuple(row.values()))
        return row["status"]

    def _methods(self, channel: Channel) -> tuple[ObtainMethod, DeliveryMethod]:
        rng = self.rng
        r = rng.random()
        if channel in (Channel.EMAIL, Channel.WEBSITE):
            obtain = ObtainMethod.SOFTCOPY if r < 0.8 else ObtainMethod.HARDCOPY if r < 0.92 else ObtainMethod.READ
        else:
            obtain = (ObtainMethod.SOFTCOPY if r < 0.45 else ObtainMethod.HARDCOPY if r < 0.8 else
                      ObtainMethod.SEE if r < 0.86 else ObtainMethod.READ if r < 0.92 else
                      ObtainMethod.NOTE if r < 0.97 else ObtainMethod.LISTEN)
        r = rng.random()
        if obtain is ObtainMethod.SOFTCOPY:
            delivery = DeliveryMethod.EMAIL if r < 0.8 else DeliveryMethod.PICK_UP
        elif obtain is ObtainMethod.HARDCOPY:
            delivery = (DeliveryMethod.PICK_UP if r < 0.55 else DeliveryMethod.POST if r < 0.8 else
                        DeliveryMethod.COURIER if r < 0.95 else DeliveryMethod.FAX)
        else:
            delivery = DeliveryMethod.PICK_UP
        return obtain, delivery

    def _at(self, day: date, prev: datetime) -> datetime:
        """A moment of office time on ``day``, after ``prev``."""
        at = datetime.combine(day, time(8, 0)) + timedelta(minutes=self.rng.randrange(0, 420))
        return at if at > prev else prev + timedelta(minutes=self.rng.randrange(3, 50))

    def _life(self, steps: list[Step], officer: str, eff: date, cdue: date, rdue: date, unit_key: str, risk: str,
              obtain: ObtainMethod, delivery: DeliveryMethod) -> None:
        """The planned steps after registration, each allowed by the state machine at its time."""
        rng, after, add = self.rng, self.clock.after, steps.append
        prev = steps[-1][1]
        if rng.random() < 0.07:  # requirements incomplete
            prev += timedelta(minutes=rng.randrange(2, 30))
            add((EventKind.INCOMPLETE, prev, officer, {"missing": rng.choice(_MISSING), "due": cdue},
                 {"status": Status.AWAITING_COMPLETENESS.value}, None))
            if rng.random() < 0.3:
                day = after(cdue, rng.choice((1, 1, 2, 3)))
                add((EventKind.LAPSED, self._at(day, prev), officer, {"completeness_due": cdue},
                     {"status": Status.VOID.value, "closed_on": _iso(day)}, None))
                return
            prev = self._at(after(eff, rng.randrange(1, self.clock.completeness_days + 1)), prev)
            eff, cdue, rdue, xdue = self.clock.receipt(prev)  # every deadline counts from completion
            add((EventKind.COMPLETED, prev, officer, {"effective_day": eff, "response_due": rdue},
                 {"status": Status.REGISTERED.value, "effective_day": _iso(eff), "completeness_due": _iso(cdue),
                  "response_due": _iso(rdue), "extended_due": _iso(xdue)}, None))
        withdraw = rng.choice(("registered", "routed", "decided")) if rng.random() < 0.02 else ""
        if withdraw == "registered":
            self._withdraw(steps, after(eff, rng.randrange(0, 5)), officer)
            return
        route_day = 0
        if rng.random() < 0.88:
            route_day = rng.choice((0, 0, 1, 1, 2))
            prev = self._at(after(eff, route_day), prev)
            uid, name = self.by_key.get(unit_key) or self.units[rng.randrange(len(self.units))][:2]
            ids, names = [uid], [name]
            if rng.random() < 0.12:
                other = self.units[rng.randrange(len(self.units))]
                if other[0] != uid:
                    ids.append(other[0])
                    names.append(other[1])
            internal = after(eff, rng.randrange(5, 8)) if rng.random() < 0.7 else None
            changes = {"status": Status.ROUTED.value}
            if internal:
                changes["internal_due"] = _iso(internal)
            add((EventKind.ROUTED, prev, self.ppid, {"units": names, "note": rng.choice(_ROUTE_NOTES),
                                                     "internal_due": internal}, changes, ids))
        if withdraw == "routed":
            self._withdraw(steps, after(eff, rng.randrange(route_day + 1, 9)), officer)
            return
        if rng.random() < 0.004:
            return  # never answered: stays open, overdue
        if rng.random() < 0.11:
            ext_day = rng.randrange(max(7, route_day + 1), 11)
            days = 7 if rng.random() < 0.8 else rng.randrange(3, 7)
            new_due = after(eff, 10 + days)
            prev = self._at(after(eff, ext_day), prev)
            add((EventKind.EXTENDED, prev, self.ppid, {"reason": rng.choice(_EXTEND), "days": days, "new_due": new_due},
                 {"extended": 1, "extended_due": _iso(new_due)}, None))
            k = rng.randrange(max(ext_day, 11), 11 + days)
            if rng.random() < 0.05:
                k = 10 + days + rng.randrange(1, 12)  # late even after the extension
        else:
            k = _pick(rng, range(1, 11), _DECIDE_DAY_CUM)
            if rng.random() < 0.03:
                k = rng.randrange(11, 30)  # late
        decided_on = after(eff, max(k, route_day))
        prev = self._at(decided_on, prev)
        decision, data, changes = self._decision(risk, decided_on)
        add((EventKind.DECIDED, prev, self.ppid, data, changes, None))
        if decision in (Decision.GRANTED_FULL, Decision.GRANTED_PARTIAL):
            if withdraw == "decided":
                self._withdraw(steps, after(decided_on, rng.randrange(1, 4)), officer)
                return
            prev = self._deliver(steps, officer, decided_on, prev, obtain, delivery)
            if rng.random() < 0.97:
                day = after(prev.date(), rng.randrange(0, 3))
                add((EventKind.CLOSED, self._at(day, prev), officer, {},
                     {"status": Status.CLOSED.value, "closed_on": _iso(day)}, None))
        else:
            day = after(decided_on, rng.randrange(0, 4))
            add((EventKind.CLOSED, self._at(day, prev), officer, {},
                 {"status": Status.CLOSED.value, "closed_on": _iso(day)}, None))

    def _withdraw(self, steps: list[Step], day: date, officer: str) -> None:
        at = self._at(day, steps[-1][1])
        steps.append((EventKind.WITHDRAWN, at, officer, {"reason": self.rng.choice(_WITHDRAW)},
                      {"status": Status.WITHDRAWN.value, "closed_on": _iso(at.date())}, None))

    def _decision(self, risk: str, day: date) -> tuple[Decision, dict, dict]:
        rng = self.rng
        decision = _pick(rng, _DECISIONS, _RISKY_DECISION_CUM if risk else _DECISION_CUM)
        note, letters, statute, test, holder = "", [], "", "", ""
        if decision is Decision.REJECTED:
            if risk:
                letters = sorted(rng.sample(list(risk), rng.randrange(1, len(risk) + 1)))
                harm = "; ".join(_HARM[x] for x in letters)
            else:
                statute = rng.choice(_STATUTES)
                letters = ["j"] if rng.random() < 0.5 else []
                harm = f"bertentangan dengan larangan pengungkapan dalam {statute}"
            test = (f"Uji konsekuensi: membuka informasi ini {harm}; kerugian yang timbul lebih besar daripada "
                    f"manfaat membukanya, sehingga informasi dikecualikan selama {rng.choice((2, 3, 5, 10))} tahun.")
            note = (f"Keputusan PPID Nomor {rng.randrange(1, 60):03d}/KEP-PPID/{ROMAN[day.month - 1]}/{day.year} "
                    "tentang Penolakan Permohonan Informasi")
        elif decision is Decision.GRANTED_PARTIAL:
            note = rng.choice(_PARTIAL)
            letters = ["b"] if "huruf b" in note else ["h"]
        elif decision is Decision.NOT_HELD:
            holder = rng.choice(_HOLDERS) if rng.random() < 0.8 else ""
            note = "Informasi tidak dikuasai; pemohon diarahkan ke badan publik yang menguasainya"
        elif decision is Decision.NOT_DOCUMENTED:
            note = rng.choice(_NOT_DOCUMENTED)
        data = {"decision": decision.value, "note": note, "pasal17": letters, "other_statute": statute,
                "consequence_test": test, "holder_body": holder, "notice_date": day}
        changes = {"status": Status.DECIDED.value, "decision": decision.value, "decision_note": note,
                   "pasal17": ",".join(letters), "other_statute": statute, "consequence_test": test,
                   "holder_body": holder, "notice_date": _iso(day)}
        return decision, {k: v for k, v in data.items() if v}, changes

    def _deliver(self, steps: list[Step], officer: str, decided_on: date, prev: datetime, obtain: ObtainMethod,
                 delivery: DeliveryMethod) -> datetime:
        rng, after = self.rng, self.clock.after
        if obtain is ObtainMethod.HARDCOPY or delivery is DeliveryMethod.FAX:
            form = DeliveryForm.HARDCOPY
        elif obtain is ObtainMethod.SOFTCOPY:
            form = DeliveryForm.SOFTCOPY
        else:
            form = DeliveryForm.INSPECTION
        if form is DeliveryForm.SOFTCOPY and delivery is DeliveryMethod.EMAIL and rng.random() < 0.7:
            day = decided_on
        else:
            day = after(decided_on, rng.randrange(1, 8))
        pages = None if form is DeliveryForm.INSPECTION else 1 + min(int(rng.expovariate(1 / 18)), 400)
        cost = 0
        if form is DeliveryForm.HARDCOPY:
            cost = pages * 500 if pages > 10 else 0  # Rp 500 a sheet, the first ten free
            if delivery is DeliveryMethod.POST:
                cost += rng.randrange(15, 36) * 1000
            elif delivery is DeliveryMethod.COURIER:
                cost += rng.randrange(20, 51) * 1000
        payment = rng.choice(("Tunai", "Transfer bank", "QRIS")) if cost else ""
        at = self._at(day, prev)
        steps.append((EventKind.DELIVERED, at, officer,
                      {"form": form.value, "pages": pages, "cost": cost, "payment_method": payment,
                       "delivered_on": day},
                      {"status": Status.DELIVERED.value, "delivered_on": _iso(day), "delivery_form": form.value,
                       "pages": pages, "cost": cost, "payment_method": payment}, None))
        return at


# --- writing -----------------------------------------------------------------------------

def _insert_sql(table: str, columns: list[str]) -> str:
    marks = ", ".join([database.param] * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def _received_times(rng: random.Random, clock: _Clock, n: int, today: date, years: int) -> list[datetime]:
    """``n`` receipt moments over the ``years`` years before ``today``, in order.

    Working days carry most requests (more in the busy months, slowly growing over the
    period); mostly within service hours, some before opening or after closing, a few on
    days off (email, website, SMS).
    """
    start = today - timedelta(days=round(365.25 * years))
    days = [start + timedelta(days=i) for i in range((today - start).days)]
    season = (0.8, 0.95, 1.1, 1.1, 1.05, 0.95, 1.0, 1.05, 1.1, 1.15, 1.1, 0.75)
    working = [clock.calendar.is_working_day(d) for d in days]
    weights = [(0.85 + 0.3 * i / len(days)) * season[d.month - 1] if w else 0.07
               for i, (d, w) in enumerate(zip(days, working))]
    picks = rng.choices(range(len(days)), cum_weights=list(accumulate(weights)), k=n)
    keys = []
    for i in picks:
        hours = clock.hours.get(days[i].weekday(), (8 * 60, 16 * 60))
        r = rng.random()
        if not working[i]:
            minute = rng.randrange(7 * 60, 22 * 60)
        elif r < 0.86:
            minute = rng.randrange(hours[0], hours[1])
        elif r < 0.95:
            minute = rng.randrange(6 * 60, hours[0])
        else:
            minute = rng.randrange(hours[1], 23 * 60 + 60)
        keys.append(i * 1440 + minute)
    keys.sort()
    midnight = [datetime.combine(d, time(0, 0)) for d in days]
    return [midnight[k // 1440] + timedelta(minutes=k % 1440) for k in keys]


def _units(start: datetime) -> tuple[list[tuple[int, str, str]], int]:
    """(id, name, key) of the active units, creating the default ones when there are none."""
    rows = list(Unit.select().where(Unit.active == True).order_by(Unit.id))  # noqa: E712
    if rows:
        return [(u.id, u.name, "") for u in rows], 0
    keys = {}
    for name, kind, key in _UNITS:
        keys[Unit.insert(name=name, kind=kind, created_at=start).execute()] = (name, key)
    return [(uid, name, key) for uid, (name, key) in keys.items()], len(_UNITS)


def generate(n_requests: int, seed: int, years: int, today: date, progress: Progress | None = None) -> DemoSummary:
    """Fill the (empty) register of the open store with ``n_requests`` demo requests."""
    if n_requests < 0 or years < 1:
        raise ValidationError("Jumlah permohonan tidak boleh negatif dan rentang paling sedikit 1 tahun.")
    if Request.select().exists():
        raise ValidationError("Register sudah berisi permohonan; data contoh hanya dibuat pada register kosong.")
    rng = random.Random(seed)
    office = load_office()
    clock = _Clock(load_calendar(), office.completeness_days)
    summary = DemoSummary()
    sql_request = _insert_sql(Request._meta.table_name, _REQUEST_COLUMNS)
    sql_requester = _insert_sql(Requester._meta.table_name, _REQUESTER_COLUMNS)
    sql_event = _insert_sql(RequestEvent._meta.table_name, _EVENT_COLUMNS)
    sql_routing = _insert_sql(RequestUnit._meta.table_name, _ROUTING_COLUMNS)
    with database.atomic(), sqlite.bulk_request_load(database):
        times = _received_times(rng, clock, n_requests, today, years)
        units, summary.units_created = _units(datetime.combine(today - timedelta(days=round(365.25 * years)),
                                                               time(8, 0)))
        ppid = office.ppid_name.strip() or "PPID"
        first_request = (Request.select(Request.id).order_by(Request.id.desc()).scalar() or 0) + 1
        first_requester = (Requester.select(Requester.id).order_by(Requester.id.desc()).scalar() or 0) + 1
        builder = _Builder(rng, clock, today, office.request_number_pattern, ppid, units, first_requester)
        by_status = summary.by_status
        cursor = database.cursor()
        for chunk in range(0, n_requests, CHUNK):
            requests: list[tuple] = []
            requesters: list[tuple] = []
            events: list[tuple] = []
            routings: list[tuple] = []
            for i in range(chunk, min(chunk + CHUNK, n_requests)):
                status = builder.request(first_request + i, times[i], requests, requesters, events, routings)
                by_status[status] += 1
            cursor.executemany(sql_requester, requesters)
            cursor.executemany(sql_request, requests)
            cursor.executemany(sql_routing, routings)
            cursor.executemany(sql_event, events)
            summary.requests += len(requests)
            summary.requesters += len(requesters)
            summary.events += len(events)
            summary.routings += len(routings)
            if progress is not None:
                progress(summary.requests, n_requests)
        for year, last in sorted(builder.seq.items()):
            raise_floor(SERIES, year, last)
            summary.by_year[year] = last
    return summary
