-- PPID Desk register at schema version 9 (officers and the audit log), for the upgrade test.
-- Made with the sqlite3 shell's .dump: Python's iterdump cannot restore the FTS5 search tables.
PRAGMA user_version = 9;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "office_asset" ("name" VARCHAR(64) NOT NULL PRIMARY KEY, "filename" VARCHAR(255) NOT NULL, "mime" VARCHAR(64) NOT NULL, "data" BLOB NOT NULL, "sha256" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL);
CREATE TABLE IF NOT EXISTS "setting" ("key" VARCHAR(64) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
INSERT INTO setting VALUES('agency_name','Dinas Komunikasi dan Informatika Kabupaten Contoh');
INSERT INTO setting VALUES('city','Wates');
INSERT INTO setting VALUES('completeness_days','3');
CREATE TABLE IF NOT EXISTS "unit" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(200) NOT NULL, "kind" VARCHAR(32) NOT NULL, "head_name" VARCHAR(200) NOT NULL, "contact" VARCHAR(200) NOT NULL, "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL);
INSERT INTO unit VALUES(1,'Bidang Pelayanan dan Dokumentasi Informasi','bidang','','',1,'2026-11-01 09:00:00');
CREATE TABLE IF NOT EXISTS "calendar_override" ("id" INTEGER NOT NULL PRIMARY KEY, "day" DATE NOT NULL, "kind" VARCHAR(16) NOT NULL, "reason" VARCHAR(200) NOT NULL, "created_at" DATETIME NOT NULL);
CREATE TABLE IF NOT EXISTS "service_hours" ("weekday" INTEGER NOT NULL PRIMARY KEY, "opens" VARCHAR(5) NOT NULL, "closes" VARCHAR(5) NOT NULL, "breaks" VARCHAR(64) NOT NULL);
INSERT INTO service_hours VALUES(0,'09:00','14:00','12:00-13:00');
INSERT INTO service_hours VALUES(1,'09:00','14:00','12:00-13:00');
INSERT INTO service_hours VALUES(2,'09:00','14:00','12:00-13:00');
INSERT INTO service_hours VALUES(3,'09:00','14:00','12:00-13:00');
INSERT INTO service_hours VALUES(4,'09:00','14:00','11:00-13:00');
CREATE TABLE IF NOT EXISTS "requester" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(16) NOT NULL, "name" VARCHAR(200) NOT NULL, "nik" VARCHAR(16), "legal_number" VARCHAR(100) NOT NULL, "address" TEXT NOT NULL, "occupation" VARCHAR(100) NOT NULL, "phone" VARCHAR(50) NOT NULL, "email" VARCHAR(200) NOT NULL, "created_at" DATETIME NOT NULL);
INSERT INTO requester VALUES(1,'perorangan','Siti Anggraini','3201014506900001','','Jl. Merdeka 1, Wates','Mahasiswa','0812-3456-7890','siti@example.id','2026-11-02 09:30:00');
CREATE TABLE IF NOT EXISTS "request" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(64) NOT NULL, "year" INTEGER NOT NULL, "seq" INTEGER, "received_at" DATETIME NOT NULL, "effective_day" DATE NOT NULL, "channel" VARCHAR(16) NOT NULL, "requester_id" INTEGER NOT NULL, "proxy_name" VARCHAR(200) NOT NULL, "proxy_letter" VARCHAR(200) NOT NULL, "information" TEXT NOT NULL, "purpose" TEXT NOT NULL, "obtain_method" VARCHAR(32) NOT NULL, "delivery_method" VARCHAR(32) NOT NULL, "status" VARCHAR(24) NOT NULL, "completeness_due" DATE, "response_due" DATE NOT NULL, "extended_due" DATE NOT NULL, "extended" INTEGER NOT NULL, "internal_due" DATE, "decision" VARCHAR(24), "decision_note" TEXT NOT NULL, "pasal17" VARCHAR(32) NOT NULL, "other_statute" TEXT NOT NULL, "consequence_test" TEXT NOT NULL, "holder_body" VARCHAR(200) NOT NULL, "notice_date" DATE, "delivered_on" DATE, "delivery_form" VARCHAR(32) NOT NULL, "pages" INTEGER, "cost" INTEGER, "payment_method" VARCHAR(64) NOT NULL, "closed_on" DATE, "created_by" VARCHAR(100) NOT NULL, "imported" INTEGER NOT NULL, "reopened_on" DATE, "dip_entry_id" INTEGER REFERENCES "dip_entry" ("id") ON DELETE RESTRICT, FOREIGN KEY ("requester_id") REFERENCES "requester" ("id") ON DELETE RESTRICT);
INSERT INTO request VALUES(1,'001/PPID/XI/2026',2026,1,'2026-11-02 09:30:00','2026-11-02','langsung',1,'','','Salinan DPA Dinas Kesehatan 2026','Penelitian skripsi','salinan_softcopy','email','terdaftar','2026-11-05','2026-11-16','2026-11-25',0,NULL,NULL,'','','','','',NULL,NULL,'',NULL,NULL,'',NULL,'petugas',0,NULL,1);
CREATE TABLE IF NOT EXISTS "attachment" ("id" INTEGER NOT NULL PRIMARY KEY, "request_id" INTEGER NOT NULL, "kind" VARCHAR(32) NOT NULL, "filename" VARCHAR(255) NOT NULL, "stored_name" VARCHAR(255) NOT NULL, "sha256" VARCHAR(64) NOT NULL, "size" INTEGER NOT NULL, "added_at" DATETIME NOT NULL, "added_by" VARCHAR(100) NOT NULL, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT);
CREATE TABLE IF NOT EXISTS "counter" ("series" VARCHAR(32) NOT NULL, "year" INTEGER NOT NULL, "last" INTEGER NOT NULL, PRIMARY KEY ("series", "year"));
INSERT INTO counter VALUES('permohonan',2026,1);
INSERT INTO counter VALUES('keberatan',2026,1);
INSERT INTO counter VALUES('pesan',2026,1);
CREATE TABLE IF NOT EXISTS "request_event" ("id" INTEGER NOT NULL PRIMARY KEY, "request_id" INTEGER NOT NULL, "kind" VARCHAR(32) NOT NULL, "at" DATETIME NOT NULL, "actor" VARCHAR(100) NOT NULL, "data" TEXT NOT NULL, "imported" INTEGER NOT NULL, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE CASCADE);
INSERT INTO request_event VALUES(1,1,'didaftarkan','2026-11-02 09:30:00','petugas','{"number": "001/PPID/XI/2026", "received_at": "2026-11-02 09:30:00", "effective_day": "2026-11-02", "response_due": "2026-11-16"}',0);
INSERT INTO request_event VALUES(2,1,'dikaitkan_dip','2026-11-02 09:31:00','petugas','{"entry": 1, "summary": "Dokumen Pelaksanaan Anggaran (DPA) perangkat daerah", "info_class": "berkala", "holder": "Bidang Pelayanan dan Dokumentasi Informasi"}',0);
CREATE TABLE IF NOT EXISTS "request_unit" ("id" INTEGER NOT NULL PRIMARY KEY, "request_id" INTEGER NOT NULL, "unit_id" INTEGER NOT NULL, "note" TEXT NOT NULL, "routed_at" DATETIME NOT NULL, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE CASCADE, FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','request_search','request_search',0,'CREATE VIRTUAL TABLE request_search USING fts5(
        number, name, nik, phone, information,
        tokenize="unicode61 remove_diacritics 2", prefix=''2 3 4'')');
CREATE TABLE IF NOT EXISTS 'request_search_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO request_search_data VALUES(1,X'010402010405');
INSERT INTO request_search_data VALUES(10,X'000000000101010001010101');
INSERT INTO request_search_data VALUES(137438953473,X'0000022604303030310102020203383132010601030205083334353637383930010601030501043230323601080501040601103332303130313435303639303030303101060102020203343536010601030301043738393001060103040109616e67677261696e690106010103010564696e6173010601040402027061010601040301096b657365686174616e0106010405010470706964010203010773616c696e616e0106010402020369746901060101020102786901020400033130300102020201380108010302050102323001080501040601023332010601020202013401060103030102373801060103040102616e0106010103010264690106010404020170010601040301026b6501060104050102707001020301027361010601040202016901060101020102786901020400043230303101020202023831010801030205010332303201080501040601033332300106010202020234350106010303010337383901060103040103616e670106010103010364696e010601040402027061010601040301036b657301060104050103707069010203010373616c01060104020202697401060101020005333038313201080103020501043230323601080501040601043332303101060102020203343536010601030301043738393001060103040104616e67670106010103010464696e61010601040401046b6573650106010405010470706964010203010473616c6901060104020203697469010601010204080a0f0c170a0b100c0910090e0a0708090a0908090909080907090807090a0b0a090a0a0a090a080a090d0c0b0a0b0b0b0b090b');
CREATE TABLE IF NOT EXISTS 'request_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO request_search_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'request_search_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4);
INSERT INTO request_search_content VALUES(1,'001/PPID/XI/2026','Siti Anggraini','3201014506900001','0812-3456-7890 081234567890','Salinan DPA Dinas Kesehatan 2026');
CREATE TABLE IF NOT EXISTS 'request_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO request_search_docsize VALUES(1,X'0402010405');
CREATE TABLE IF NOT EXISTS 'request_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO request_search_config VALUES('version',4);
CREATE TABLE IF NOT EXISTS "objection" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(64) NOT NULL, "year" INTEGER NOT NULL, "seq" INTEGER, "received_at" DATETIME NOT NULL, "effective_day" DATE NOT NULL, "request_id" INTEGER, "request_reference" VARCHAR(200) NOT NULL, "requester_id" INTEGER NOT NULL, "proxy_name" VARCHAR(200) NOT NULL, "proxy_letter" VARCHAR(200) NOT NULL, "information" TEXT NOT NULL, "purpose" TEXT NOT NULL, "grounds" VARCHAR(16) NOT NULL, "case_summary" TEXT NOT NULL, "status" VARCHAR(24) NOT NULL, "answer_due" DATE NOT NULL, "late_filing" INTEGER NOT NULL, "decision" VARCHAR(16), "decision_reasons" TEXT NOT NULL, "order_text" TEXT NOT NULL, "decided_on" DATE, "atasan_name" VARCHAR(200) NOT NULL, "atasan_title" VARCHAR(200) NOT NULL, "response_handed_on" DATE, "objector_response" VARCHAR(24), "dispute_window_due" DATE NOT NULL, "dispute_number" VARCHAR(100) NOT NULL, "dispute_registered_on" DATE, "dispute_outcome" TEXT NOT NULL, "closed_on" DATE, "created_by" VARCHAR(100) NOT NULL, "imported" INTEGER NOT NULL, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT, FOREIGN KEY ("requester_id") REFERENCES "requester" ("id") ON DELETE RESTRICT);
INSERT INTO objection VALUES(1,'001/KEB/PPID/XI/2026',2026,1,'2026-11-20 10:00:00','2026-11-20',1,'',1,'','','Salinan DPA Dinas Kesehatan 2026','Penelitian skripsi','c,g','Permohonan Nomor 001/PPID/XI/2026 tidak dijawab sampai batas waktu 16 November 2026.','terdaftar','2027-01-07',0,NULL,'','',NULL,'','',NULL,NULL,'2027-01-27','',NULL,'',NULL,'petugas',0);
CREATE TABLE IF NOT EXISTS "objection_event" ("id" INTEGER NOT NULL PRIMARY KEY, "objection_id" INTEGER NOT NULL, "kind" VARCHAR(32) NOT NULL, "at" DATETIME NOT NULL, "actor" VARCHAR(100) NOT NULL, "data" TEXT NOT NULL, "imported" INTEGER NOT NULL, FOREIGN KEY ("objection_id") REFERENCES "objection" ("id") ON DELETE CASCADE);
INSERT INTO objection_event VALUES(1,1,'didaftarkan','2026-11-20 10:05:00','petugas','{"number": "001/KEB/PPID/XI/2026", "received_at": "2026-11-20 10:00:00", "effective_day": "2026-11-20", "answer_due": "2027-01-07", "request": "001/PPID/XI/2026", "grounds": "c,g", "ground_arose_on": "2026-11-16", "filing_due": "2026-12-30", "late_filing": false}',0);
CREATE TABLE IF NOT EXISTS "issued_document" ("id" INTEGER NOT NULL PRIMARY KEY, "request_id" INTEGER, "kind" VARCHAR(32) NOT NULL, "letter_number" VARCHAR(100) NOT NULL, "source_hash" VARCHAR(64) NOT NULL, "pdf" BLOB NOT NULL, "sha256" VARCHAR(64) NOT NULL, "paper" VARCHAR(8) NOT NULL, "issued_at" DATETIME NOT NULL, "issued_by" VARCHAR(100) NOT NULL, "objection_id" INTEGER REFERENCES "objection" ("id") ON DELETE RESTRICT, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT);
INSERT INTO issued_document VALUES(1,1,'receipt','001/PPID/XI/2026','abc',X'255044462d312e340a','def','A4','2026-11-20 10:00:00','petugas',NULL);
INSERT INTO issued_document VALUES(2,NULL,'objection-receipt','001/KEB/PPID/XI/2026','ghi',X'255044462d312e340a','jkl','A4','2026-11-20 10:10:00','petugas',1);
CREATE TABLE IF NOT EXISTS "dip_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "summary" TEXT NOT NULL, "unit_id" INTEGER, "holder_name" VARCHAR(200) NOT NULL, "official" VARCHAR(200) NOT NULL, "made" VARCHAR(200) NOT NULL, "format" VARCHAR(100) NOT NULL, "retention" VARCHAR(100) NOT NULL, "info_class" VARCHAR(16) NOT NULL, "pasal17" VARCHAR(32) NOT NULL, "other_statute" TEXT NOT NULL, "consequence" TEXT NOT NULL, "exclusion_period" VARCHAR(100) NOT NULL, "decided_by" VARCHAR(200) NOT NULL, "decision_number" VARCHAR(100) NOT NULL, "decision_date" DATE, "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(100) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(100) NOT NULL, FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT);
INSERT INTO dip_entry VALUES(1,'Dokumen Pelaksanaan Anggaran (DPA) perangkat daerah',1,'','Kepala Bidang Pelayanan','Setiap tahun, Sekretariat PPID','Softcopy dan hardcopy','10 tahun','berkala','','','','','','',NULL,1,'2026-11-01 09:00:00','ppid','2026-11-01 09:00:00','ppid');
INSERT INTO dip_entry VALUES(2,'Data pribadi penerima bantuan sosial',NULL,'Dinas Sosial','Kepala Dinas Sosial','Setiap penyaluran, Dinas Sosial','Softcopy','5 tahun','dikecualikan','h','','Membuka data ini mengungkap rahasia pribadi penerima.','Selama data dikelola','PPID Utama','003/KEP-PPID/I/2026','2026-01-12',1,'2026-11-01 09:05:00','ppid','2026-11-01 09:05:00','ppid');
CREATE TABLE IF NOT EXISTS "dip_event" ("id" INTEGER NOT NULL PRIMARY KEY, "entry_id" INTEGER NOT NULL, "kind" VARCHAR(32) NOT NULL, "at" DATETIME NOT NULL, "actor" VARCHAR(100) NOT NULL, "data" TEXT NOT NULL, FOREIGN KEY ("entry_id") REFERENCES "dip_entry" ("id") ON DELETE CASCADE);
INSERT INTO dip_event VALUES(1,1,'ditambahkan','2026-11-01 09:00:00','ppid','{"summary": "Dokumen Pelaksanaan Anggaran (DPA) perangkat daerah"}');
INSERT INTO dip_event VALUES(2,2,'diimpor','2026-11-01 09:05:00','ppid','{"file": "dip.xlsx", "sheet": "DIP", "row": 7}');
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','dip_search','dip_search',0,'CREATE VIRTUAL TABLE dip_search USING fts5(summary, holder, official, tokenize="unicode61 remove_diacritics 2", prefix=''2 3 4'')');
CREATE TABLE IF NOT EXISTS 'dip_search_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO dip_search_data VALUES(1,X'020b0706');
INSERT INTO dip_search_data VALUES(10,X'000000000102020002010101020101');
INSERT INTO dip_search_data VALUES(137438953473,X'0000019d0930616e67676172616e0102040106626964616e67010c010102010203010664616572616801020703016e010601010402066f6b756d656e0102020804746173690106010105020270610102050109696e666f726d617369010601010601066b6570616c610106010202010b70656c616b73616e61616e010203050579616e616e010c010103010204030772616e676b6174010206000331616e01020401026269010c0101020102030102646101080701010402016f0108020101050201700102050102696e010601010601026b6501060102020102706501100305010103010204000432616e670102040103626964010c010102010203010364616501020703016e010601010402026f6b010802010105020270610102050103696e66010601010601036b65700106010202010370656c010e03010103010204030172010206000533616e6767010204010462696461010c01010201020301046461657201020702036f6b750108020101050104696e666f010601010601046b6570610106010202010470656c61010e0301010301020403027261010206040d100b080b0b07100d100f0c080c0a090609090e090d08080a070a0a0e060a0e090b0b0b0f');
INSERT INTO dip_search_data VALUES(274877906945,X'00000129083062616e7475616e0202050104646174610202020204696e6173020c01010201020301066b6570616c610206010202010870656e6572696d6102020402067269626164690202030106736f7369616c020e06010103010204000331626102020501026461020202020169020c01010201020301026b650206010202010270650202040201720202030102736f020e0601010301020400043262616e02020501036461740202020202696e020c01010201020301036b65700206010202010370656e020204020272690202030103736f73020e0601010301020400053362616e740202050104646174610202020203696e61020c01010201020301046b6570610206010202010470656e6502020402037269620202030104736f7369020e06010103010204040c090e0d0d0b1108070b0907060d09080c0a08070e0a090d0b0908');
CREATE TABLE IF NOT EXISTS 'dip_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO dip_search_idx VALUES(1,X'',2);
INSERT INTO dip_search_idx VALUES(2,X'',2);
CREATE TABLE IF NOT EXISTS 'dip_search_content'(id INTEGER PRIMARY KEY, c0, c1, c2);
INSERT INTO dip_search_content VALUES(1,'Dokumen Pelaksanaan Anggaran (DPA) perangkat daerah','Bidang Pelayanan dan Dokumentasi Informasi','Kepala Bidang Pelayanan');
INSERT INTO dip_search_content VALUES(2,'Data pribadi penerima bantuan sosial','Dinas Sosial','Kepala Dinas Sosial');
CREATE TABLE IF NOT EXISTS 'dip_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO dip_search_docsize VALUES(1,X'060503');
INSERT INTO dip_search_docsize VALUES(2,X'050203');
CREATE TABLE IF NOT EXISTS 'dip_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO dip_search_config VALUES('version',4);
CREATE TABLE IF NOT EXISTS "inbox_message" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(64) NOT NULL, "year" INTEGER NOT NULL, "seq" INTEGER NOT NULL, "received_at" DATETIME NOT NULL, "recorded_at" DATETIME NOT NULL, "effective_day" DATE NOT NULL, "channel" VARCHAR(20) NOT NULL, "kind" VARCHAR(20) NOT NULL, "sender" VARCHAR(200) NOT NULL, "contact" VARCHAR(200) NOT NULL, "text" TEXT NOT NULL, "status" VARCHAR(24) NOT NULL, "unit_id" INTEGER, "response_due" DATE NOT NULL, "extended_due" DATE NOT NULL, "extended" INTEGER NOT NULL, "answer" TEXT NOT NULL, "answered_at" DATETIME, "answered_by" VARCHAR(100) NOT NULL, "request_id" INTEGER, "created_by" VARCHAR(100) NOT NULL, FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT);
INSERT INTO inbox_message VALUES(1,'001/PESAN/PPID/XI/2026',2026,1,'2026-11-01 21:05:00','2026-11-02 10:00:00','2026-11-02','sms','aduan','Sutrisno','081234567890','Lampu jalan di depan pasar Wates mati.','dijawab',NULL,'2026-11-16','2026-11-25',0,'Sudah diteruskan ke Dinas Perhubungan dan diperbaiki.','2026-11-05 09:00:00','Petugas',NULL,'Petugas');
CREATE TABLE IF NOT EXISTS "inbox_event" ("id" INTEGER NOT NULL PRIMARY KEY, "message_id" INTEGER NOT NULL, "kind" VARCHAR(32) NOT NULL, "at" DATETIME NOT NULL, "actor" VARCHAR(100) NOT NULL, "data" TEXT NOT NULL, FOREIGN KEY ("message_id") REFERENCES "inbox_message" ("id") ON DELETE CASCADE);
INSERT INTO inbox_event VALUES(1,1,'dicatat','2026-11-02 10:00:00','Petugas','{"number": "001/PESAN/PPID/XI/2026"}');
INSERT INTO inbox_event VALUES(2,1,'dijawab','2026-11-05 09:00:00','Petugas','{"answered_at": "2026-11-05 09:00:00", "late": false}');
CREATE TABLE IF NOT EXISTS "audit_log" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "actor_name" VARCHAR(200) NOT NULL, "actor_username" VARCHAR(64) NOT NULL, "action" VARCHAR(48) NOT NULL, "target_kind" VARCHAR(32) NOT NULL, "target_id" VARCHAR(100) NOT NULL, "summary" TEXT NOT NULL, "data" TEXT NOT NULL, "prev_hash" VARCHAR(64) NOT NULL, "hash" VARCHAR(64) NOT NULL);
INSERT INTO audit_log VALUES(1,'2026-11-21 08:00:00','Rina Kartika','admin','officer_add','officer','admin','Akun admin pertama dibuat: Rina Kartika (admin), peran Admin.','{"name":"Rina Kartika","roles":"admin","username":"admin"}','0000000000000000000000000000000000000000000000000000000000000000','575e8128d25e9e6b1b2a4a48c61786c54ef156c89fb17704efc92ff915261d91');
INSERT INTO audit_log VALUES(2,'2026-11-21 08:05:00','Rina Kartika','admin','officer_add','officer','petugas','Akun petugas ditambahkan: Budi Santoso (petugas), peran Petugas.','{"must_change_password":true,"name":"Budi Santoso","roles":"petugas","username":"petugas"}','575e8128d25e9e6b1b2a4a48c61786c54ef156c89fb17704efc92ff915261d91','9f9fb7058fad488c10f9fde4fb3de132ce361e8d17f1d4a9ec89c30f191ca2fd');
CREATE TABLE IF NOT EXISTS "officer" ("id" INTEGER NOT NULL PRIMARY KEY, "username" VARCHAR(64) NOT NULL, "name" VARCHAR(200) NOT NULL, "roles" VARCHAR(100) NOT NULL, "password_hash" VARCHAR(128) NOT NULL, "salt" VARCHAR(64) NOT NULL, "kdf" VARCHAR(64) NOT NULL, "active" INTEGER NOT NULL, "failed_attempts" INTEGER NOT NULL, "locked_until" DATETIME, "must_change_password" INTEGER NOT NULL, "last_login_at" DATETIME, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(100) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(100) NOT NULL);
INSERT INTO officer VALUES(1,'admin','Rina Kartika','admin','56fcd584eee83fecff5846b20a65a32656822ff805d227cd0882dfc84bf470e0','2a5efd70f5a6bdbb9afd1fc4650d2e4f','scrypt:n=32768,r=8,p=1',1,0,NULL,0,NULL,'2026-11-21 08:00:00','Rina Kartika','2026-11-21 08:00:00','Rina Kartika');
INSERT INTO officer VALUES(2,'petugas','Budi Santoso','petugas','485b797c8698b4a300eb1c8dc8b41c855f550d36f920ac0a64d401608e9a4254','dc36a3cae186acead079bc5267a35712','scrypt:n=32768,r=8,p=1',1,0,NULL,1,NULL,'2026-11-21 08:05:00','Rina Kartika','2026-11-21 08:05:00','Rina Kartika');
CREATE UNIQUE INDEX "m_unit_name" ON "unit" ("name");
CREATE UNIQUE INDEX "m_calendar_override_day" ON "calendar_override" ("day");
CREATE INDEX "m_requester_name" ON "requester" ("name");
CREATE INDEX "m_requester_nik" ON "requester" ("nik");
CREATE INDEX "m_requester_phone" ON "requester" ("phone");
CREATE UNIQUE INDEX "m_request_number" ON "request" ("number");
CREATE INDEX "m_request_received_at" ON "request" ("received_at");
CREATE INDEX "m_request_requester_id" ON "request" ("requester_id");
CREATE INDEX "m_request_status" ON "request" ("status");
CREATE INDEX "m_request_response_due" ON "request" ("response_due");
CREATE UNIQUE INDEX "m_request_year_seq" ON "request" ("year", "seq");
CREATE INDEX "m_attachment_request_id" ON "attachment" ("request_id");
CREATE UNIQUE INDEX "m_attachment_stored_name" ON "attachment" ("stored_name");
CREATE INDEX "m_request_event_request_id" ON "request_event" ("request_id");
CREATE INDEX "m_request_unit_request_id" ON "request_unit" ("request_id");
CREATE INDEX "m_request_unit_unit_id" ON "request_unit" ("unit_id");
CREATE UNIQUE INDEX "m_request_unit_request_id_unit_id" ON "request_unit" ("request_id", "unit_id");
CREATE TRIGGER request_search_ai AFTER INSERT ON request BEGIN
    INSERT INTO request_search(rowid, number, name, nik, phone, information)
    SELECT NEW.id, NEW.number, r.name, coalesce(r.nik, ''), (r.phone || ' ' || replace(replace(replace(replace(replace(replace(r.phone, ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', '')), NEW.information
    FROM requester r WHERE r.id = NEW.requester_id;
END;
CREATE TRIGGER request_search_au AFTER UPDATE OF number, information, requester_id ON request BEGIN
        DELETE FROM request_search WHERE rowid = OLD.id;
        INSERT INTO request_search(rowid, number, name, nik, phone, information)
        SELECT NEW.id, NEW.number, r.name, coalesce(r.nik, ''), (r.phone || ' ' || replace(replace(replace(replace(replace(replace(r.phone, ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', '')), NEW.information
        FROM requester r WHERE r.id = NEW.requester_id;
    END;
CREATE TRIGGER request_search_ad AFTER DELETE ON request BEGIN
        DELETE FROM request_search WHERE rowid = OLD.id;
    END;
CREATE TRIGGER request_search_requester_au AFTER UPDATE OF name, nik, phone ON requester BEGIN
        DELETE FROM request_search WHERE rowid IN (SELECT id FROM request WHERE requester_id = NEW.id);
        INSERT INTO request_search(rowid, number, name, nik, phone, information)
        SELECT q.id, q.number, NEW.name, coalesce(NEW.nik, ''), (NEW.phone || ' ' || replace(replace(replace(replace(replace(replace(NEW.phone, ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', '')), q.information
        FROM request q WHERE q.requester_id = NEW.id;
    END;
CREATE UNIQUE INDEX "m_objection_number" ON "objection" ("number");
CREATE INDEX "m_objection_received_at" ON "objection" ("received_at");
CREATE INDEX "m_objection_request_id" ON "objection" ("request_id");
CREATE INDEX "m_objection_requester_id" ON "objection" ("requester_id");
CREATE INDEX "m_objection_status" ON "objection" ("status");
CREATE INDEX "m_objection_answer_due" ON "objection" ("answer_due");
CREATE UNIQUE INDEX "m_objection_year_seq" ON "objection" ("year", "seq");
CREATE INDEX "m_objection_event_objection_id" ON "objection_event" ("objection_id");
CREATE UNIQUE INDEX "m_issued_document_letter_number" ON "issued_document" ("letter_number");
CREATE INDEX "m_issued_document_request_id" ON "issued_document" ("request_id");
CREATE INDEX "m_issued_document_request_id_kind_source_hash" ON "issued_document" ("request_id", "kind", "source_hash");
CREATE INDEX "issued_document_objection_id" ON "issued_document" ("objection_id");
CREATE INDEX "issued_document_objection_id_kind_source_hash" ON "issued_document" ("objection_id", "kind", "source_hash");
CREATE INDEX "m_dip_entry_unit_id" ON "dip_entry" ("unit_id");
CREATE INDEX "m_dip_entry_info_class" ON "dip_entry" ("info_class");
CREATE INDEX "m_dip_entry_active" ON "dip_entry" ("active");
CREATE INDEX "m_dip_event_entry_id" ON "dip_event" ("entry_id");
CREATE TRIGGER dip_search_ai AFTER INSERT ON dip_entry BEGIN
        INSERT INTO dip_search(rowid, summary, holder, official)
        VALUES (NEW.id, NEW.summary, trim(coalesce((SELECT u.name FROM unit u WHERE u.id = NEW.unit_id), '') || ' ' || NEW.holder_name), NEW.official);
    END;
CREATE TRIGGER dip_search_au AFTER UPDATE OF summary, unit_id, holder_name, official ON dip_entry BEGIN
        DELETE FROM dip_search WHERE rowid = OLD.id;
        INSERT INTO dip_search(rowid, summary, holder, official)
        VALUES (NEW.id, NEW.summary, trim(coalesce((SELECT u.name FROM unit u WHERE u.id = NEW.unit_id), '') || ' ' || NEW.holder_name), NEW.official);
    END;
CREATE TRIGGER dip_search_ad AFTER DELETE ON dip_entry BEGIN
        DELETE FROM dip_search WHERE rowid = OLD.id;
    END;
CREATE TRIGGER dip_search_unit_au AFTER UPDATE OF name ON unit BEGIN
        DELETE FROM dip_search WHERE rowid IN (SELECT id FROM dip_entry WHERE unit_id = NEW.id);
        INSERT INTO dip_search(rowid, summary, holder, official)
        SELECT e.id, e.summary, trim(coalesce((SELECT u.name FROM unit u WHERE u.id = e.unit_id), '') || ' ' || e.holder_name), e.official FROM dip_entry e WHERE e.unit_id = NEW.id;
    END;
CREATE INDEX "request_dip_entry_id" ON "request" ("dip_entry_id");
CREATE UNIQUE INDEX "m_inbox_message_number" ON "inbox_message" ("number");
CREATE INDEX "m_inbox_message_recorded_at" ON "inbox_message" ("recorded_at");
CREATE INDEX "m_inbox_message_kind" ON "inbox_message" ("kind");
CREATE INDEX "m_inbox_message_status" ON "inbox_message" ("status");
CREATE INDEX "m_inbox_message_unit_id" ON "inbox_message" ("unit_id");
CREATE INDEX "m_inbox_message_response_due" ON "inbox_message" ("response_due");
CREATE INDEX "m_inbox_message_request_id" ON "inbox_message" ("request_id");
CREATE UNIQUE INDEX "m_inbox_message_year_seq" ON "inbox_message" ("year", "seq");
CREATE INDEX "m_inbox_event_message_id" ON "inbox_event" ("message_id");
CREATE INDEX "m_audit_log_target_kind_target_id" ON "audit_log" ("target_kind", "target_id");
CREATE UNIQUE INDEX "m_officer_username" ON "officer" ("username");
PRAGMA writable_schema=OFF;
COMMIT;
