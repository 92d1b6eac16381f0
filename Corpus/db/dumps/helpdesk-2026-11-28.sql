-- MySQL dump 10.13  Distrib 8.0.40
-- Host: db.internal    Database: helpdesk
SET NAMES utf8mb4;

INSERT INTO `users` (`id`, `uuid`, `email`, `password_digest`, `created_at`) VALUES
(1000, '028cc9b3-bd5c-4f29-ba2a-d7bcfd5e5507', 'kwame.asante@example.com', '$argon2id$v=19$m=65536,t=3,p=4$_xBl8btEqPgRDoFDFB0T1A$z04Z4N7efsXJpAAwP2kzKnVCTNsAD6XXSTcZg-znu2E', NOW()),
(1001, 'd8412287-55a2-41e3-b128-b3adf8e928c8', 'a.moreau@example.com', '$argon2id$v=19$m=65536,t=3,p=4$Re0Ht2tRN1i8DeCx3jj0yg$l-K-EXiHJWiUx689bjpaUq9IMbhLTExix2jP1kKIwk0', NOW()),
(1002, '4329ad4f-842b-4e3f-b161-8d9a859cc31d', 'tom.becker@example.com', '{SSHA}09PkcFmIRGcxuSsr7ufaNnOH1ugxVqf7', NOW()),
(1003, '61e36125-3622-41b1-8c46-8b28fff71e5b', 'kwame.asante@example.com', '$2b$12$toIxgWQuyNQtQHNMqGQ4vDT1R6HDkvGqPhhxKsna3GYJ9fQG8ZWi9', NOW()),
(1004, 'c1fa08da-c998-4ba6-9433-93e0b529a963', 'dana.whitfield@example.com', '$2b$12$4Yw.Zu/JUe7pDy.GpanJ6WDer/RByqyWtRb23PFMlRUZiUvVb2tSN', NOW()),
(1005, '2e407681-c2a3-46b1-96c1-3068e139e1d1', 'support-bot@example.com', '{SSHA}lZjKKDY7gqz6loRxr9TeYOfqIQZ2ZJ+8', NOW()),
(1006, '197bbfc6-7c24-4c5f-a00e-25921e8a59e2', 'tom.becker@example.com', '$argon2id$v=19$m=65536,t=3,p=4$B0g6erdhX1BGy4Kp1TKzEA$C0HqulmUUazicHLtzR-4qKZqtiTRGpXWVXT7HIEtPlU', NOW()),
(1007, '0ca107ce-a03a-4a65-95f8-bf91ae53cbd2', 'kwame.asante@example.com', '$argon2id$v=19$m=65536,t=3,p=4$NCBUW2eCBGGArwF1a5WokQ$Dvir6EAMBn8JAUeT5wmnf-5_pYYWskZcFYsRyfbij84', NOW());

INSERT INTO `integrations` (`id`, `provider`, `settings`) VALUES
(1, 'sirportly', '{"token":"43485d8f-66e8-6991-f38a-b04811ccccc0","secret":"vtjgu2cyaoywze4246fpx6zfrtpwiw4bejd8wb3oiwrgk2wnxv"}'),
(2, 'sirportly', '{"token":"1ab34abc-9f64-f09f-1538-cead8699513a","secret":"cgw8ksi4w3ityuv4u70uc0bhsounc419c4hu4hmnjubbldnzsc","application":"e51de327-3105-06ab-1fee-5ffc59c8e633"}'),
(3, 'slack', '{"bot_token":"xoxb-988249242125-2001513458451-QEcfPijEBWDgpqJst3XgEXXY"}'),
(4, 'sirportly', '{"token":null,"secret":null,"request_id":"32761c4d-e3ce-4c16-805c-6c118c602523"}');

INSERT INTO `tickets` (`id`, `uuid`, `reference`, `subject`) VALUES
(1, 'c014f1d6-b844-44aa-a3a4-bb69a8aaf451', 'FA-352383', 'Imported from Sirportly'),
(2, '5b02ac2b-c621-457b-a5dd-4292096441d0', 'XI-482374', 'Imported from Sirportly'),
(3, '717fb99a-60df-4c02-842a-14235b8c6615', 'GG-987096', 'Imported from Sirportly'),
(4, '82c14016-7f1e-41d1-b83c-111b0c982c05', 'CI-490210', 'Imported from Sirportly'),
(5, 'af6d8c73-ba0b-40fb-b93d-d764aa8657d3', 'FZ-793510', 'Imported from Sirportly'),
(6, '76cd7632-1e30-4526-bc4b-343fa40aa3fc', 'BG-434122', 'Imported from Sirportly'),
(7, '10c95c06-5078-4a3a-999e-dc9b3781863f', 'IV-671179', 'Imported from Sirportly'),
(8, '35cc7246-171e-188c-86ee-58f1d52e1bab', 'TV-825432', 'Imported from Sirportly');

INSERT INTO `mobile_sessions` (`user_id`, `username`, `password`, `device`) VALUES
(1001, 'priya.n', '%9#E!sY49MwVdfqOfG4y', 'F0C2FFC7-4167-4255-873E-66F9E0F8697C');
