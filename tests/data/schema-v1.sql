-- PPID Desk register at schema version 1 (release 0.1.0 development), for the upgrade test.
PRAGMA user_version = 1;
BEGIN TRANSACTION;
CREATE TABLE "office_asset" ("name" VARCHAR(64) NOT NULL PRIMARY KEY, "filename" VARCHAR(255) NOT NULL, "mime" VARCHAR(64) NOT NULL, "data" BLOB NOT NULL, "sha256" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL);
CREATE TABLE "setting" ("key" VARCHAR(64) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
INSERT INTO "setting" VALUES('agency_name','Dinas Komunikasi dan Informatika Kabupaten Contoh');
INSERT INTO "setting" VALUES('city','Wates');
INSERT INTO "setting" VALUES('completeness_days','3');
CREATE TABLE "unit" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(200) NOT NULL, "kind" VARCHAR(32) NOT NULL, "head_name" VARCHAR(200) NOT NULL, "contact" VARCHAR(200) NOT NULL, "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL);
INSERT INTO "unit" VALUES(1,'Bidang Pelayanan dan Dokumentasi Informasi','bidang','','',1,'2026-11-01 09:00:00');
CREATE UNIQUE INDEX "m_unit_name" ON "unit" ("name");
COMMIT;
