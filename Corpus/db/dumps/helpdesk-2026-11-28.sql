-- MySQL dump 10.13  Distrib 8.0.40
-- Host: db.internal    Database: helpdesk
SET NAMES utf8mb4;

INSERT INTO `users` (`id`, `uuid`, `email`, `password_digest`, `created_at`) VALUES
(1000, '96856c1b-400e-40fa-97aa-1d5a4013cd2b', 'm.okafor@example.com', '$2b$12$6a.v9TK3KTJXNbwRgMA5Awo6mJ429DuRGM1.Sozax6dzYbSjVaVPt', NOW()),
(1001, '4d3a4ac1-3938-4804-a737-06d9182dd308', 'dana.whitfield@example.com', '$2b$12$AE.QvNtzM0qlGPG6vdpUilQyJQHbVcEQE6eegnqkSHRGzklEkYu9y', NOW()),
(1002, 'f31ade44-5b21-4830-a27a-9774480a3e5e', 'kwame.asante@example.com', '{SSHA}6qTOU6/S5FLxX3e7OLBvxHNgCRzdNodH', NOW()),
(1003, '141837ed-0456-4e1c-8943-1f52b3e78700', 'kwame.asante@example.com', '{SSHA}VmpEiypVcyJ2poxN58DwukjhtYdhD6gT', NOW()),
(1004, 'cc16cc56-565f-436b-92fa-7f003966cf2f', 'tom.becker@example.com', '$2b$12$zHK1AuIL0jMBaoftCK6xPestLKIEz1pOOvUwGRVhxKXIUe4BaKJRe', NOW()),
(1005, '2324527a-6ce2-4f0a-89e6-b4a481bb5716', 'm.okafor@example.com', '$2b$12$ai84CD8JQrLE3FdLdNEupc5WZQpl5alnfWM/08Uv3SzRav/4VgZhc', NOW()),
(1006, '484b4bea-70f3-4acd-8172-f7d984d21321', 'support-bot@example.com', '$argon2id$v=19$m=65536,t=3,p=4$EZksmM_ig-IqnimPVCewjw$XCnm3Rd6-5cUe-JfuldTralFACFR4Rr4-y6whJ6_dvA', NOW()),
(1007, 'beff03df-5c8b-4389-85ca-dbc6e5700e60', 'a.moreau@example.com', '$argon2id$v=19$m=65536,t=3,p=4$ib0-orI79_bofq12r71jww$cTiTPNlAA2Ul_KcP_cFQ8iWHqwfzZVQy53NJTJMVep8', NOW());

INSERT INTO `integrations` (`id`, `provider`, `settings`) VALUES
(1, 'sirportly', '{"token":"43485d8f-66e8-6991-f38a-b04811ccccc0","secret":"vtjgu2cyaoywze4246fpx6zfrtpwiw4bejd8wb3oiwrgk2wnxv"}'),
(2, 'sirportly', '{"token":"1ab34abc-9f64-f09f-1538-cead8699513a","secret":"cgw8ksi4w3ityuv4u70uc0bhsounc419c4hu4hmnjubbldnzsc","application":"e51de327-3105-06ab-1fee-5ffc59c8e633"}'),
(3, 'slack', '{"bot_token":"xoxb-174533353058-4178941649856-Kyf7ZRjSdJb5d0EaCl1TXS3F"}'),
(4, 'sirportly', '{"token":null,"secret":null,"request_id":"d7fca1af-b31f-4881-85cd-ffce4b964b42"}');

INSERT INTO `tickets` (`id`, `uuid`, `reference`, `subject`) VALUES
(1, '1f2824a0-6704-4527-b1bd-78e0bb910452', 'JZ-706764', 'Imported from Sirportly'),
(2, 'fff599b1-071d-496f-ae22-55a4e00e7281', 'XK-300074', 'Imported from Sirportly'),
(3, '4426e491-31d5-4ea4-a2b3-65f312ab7a29', 'QJ-107544', 'Imported from Sirportly'),
(4, '2df245a4-d8ad-445f-8643-895518b87f6c', 'OD-881302', 'Imported from Sirportly'),
(5, '322bcd23-9c3b-4b2f-b464-aef76f80bd8f', 'DX-532813', 'Imported from Sirportly'),
(6, '5ee851e4-7606-4b78-bf05-3f0a91667260', 'EJ-492565', 'Imported from Sirportly'),
(7, 'e2456f69-b379-4010-b345-bf2bcf98763e', 'JT-190129', 'Imported from Sirportly'),
(8, 'c60d0fc7-9181-1d9a-b0de-1e257029271f', 'KU-188367', 'Imported from Sirportly');

INSERT INTO `mobile_sessions` (`user_id`, `username`, `password`, `device`) VALUES
(1001, 'priya.n', 'Pixel2006.', 'AF5DB68E-6657-4587-96A2-3296E225BD67');
