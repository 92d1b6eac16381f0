-- MySQL dump 10.13  Distrib 8.0.40
-- Host: db.internal    Database: helpdesk
SET NAMES utf8mb4;

INSERT INTO `users` (`id`, `uuid`, `email`, `password_digest`, `created_at`) VALUES
(1000, 'af4d6751-6a6b-4347-ad31-3ebccc6ff785', 'ljensen@example.com', '{SSHA}E8COsHlAtZh/PoTi1gMNDktkPXrwb6cq', NOW()),
(1001, '2df975fe-1169-415c-818b-ee3d55855937', 'm.okafor@example.com', '{SSHA}efcAHV4O7KxsOPDOoem0QxW0/8S+aUlP', NOW()),
(1002, '839fd258-4954-466c-9f7b-156b58cc63cc', 'tom.becker@example.com', '{SSHA}DBAYTLZwo3V/DbVq3mhEw7HC/Wl5HJHS', NOW()),
(1003, '39c47b39-4fc8-4b1e-826a-9ac7ece5d391', 'm.okafor@example.com', '$argon2id$v=19$m=65536,t=3,p=4$hs1iR7Xmc8KrdypXd3UHhQ$zkGCqJVf1Qsap-ughR8hMEDEYpJaPmbXeJsRkqgeoR8', NOW()),
(1004, '5af8c656-3009-4469-8c89-81287715e653', 'tom.becker@example.com', '{SSHA}kg0DhX8JtzponvpmAOxeXhmiMoH+fU+W', NOW()),
(1005, '182eb67a-c69a-424d-bd8a-bb5b860ddeb1', 'support-bot@example.com', '{SSHA}uvlwxM3Qkz4nJ6r1TpuDyYlAht4b2RfE', NOW()),
(1006, '7cfc9dfb-e710-48e8-8f8a-475ab9f9763e', 'ljensen@example.com', '$argon2id$v=19$m=65536,t=3,p=4$8auTavMMhWvvwkKoalxAxw$G9B4hL_EGP2YhrvaeVx8-E7L6c1ToE_UH_fY4nDJLfg', NOW()),
(1007, '20527757-8db6-496f-8046-486b2a663dfc', 'support-bot@example.com', '$2b$12$Y608S22OGpPjsazzOc65jyd0QL4ZvB4HNtoIxgWQuyNQtQHNMqGQ4', NOW());

INSERT INTO `integrations` (`id`, `provider`, `settings`) VALUES
(1, 'sirportly', '{"token":"43485d8f-66e8-6991-f38a-b04811ccccc0","secret":"vtjgu2cyaoywze4246fpx6zfrtpwiw4bejd8wb3oiwrgk2wnxv"}'),
(2, 'sirportly', '{"token":"1ab34abc-9f64-f09f-1538-cead8699513a","secret":"cgw8ksi4w3ityuv4u70uc0bhsounc419c4hu4hmnjubbldnzsc","application":"e51de327-3105-06ab-1fee-5ffc59c8e633"}'),
(3, 'slack', '{"bot_token":"xoxb-739590612945-3513774079893-OgTaBqzLRLrEKcIvqES0zyeE"}'),
(4, 'sirportly', '{"token":null,"secret":null,"request_id":"a3d9fed0-17de-4567-a8b2-faae5d576af6"}');

INSERT INTO `tickets` (`id`, `uuid`, `reference`, `subject`) VALUES
(1, '63529505-bcc1-489b-8431-9c35400e47db', 'QJ-133452', 'Imported from Sirportly'),
(2, 'f3c0944d-ece9-48c6-a107-d7911372e219', 'WJ-155273', 'Imported from Sirportly'),
(3, '61e36125-3622-41b1-8c46-8b28fff71e5b', 'PO-517091', 'Imported from Sirportly'),
(4, '671d1837-7deb-4bc6-ad2f-22eef4bdac10', 'FP-392177', 'Imported from Sirportly'),
(5, '76b62505-082f-4702-9cd3-3c0bda0eb797', 'DH-719553', 'Imported from Sirportly'),
(6, 'aae55551-7d31-49de-b14e-009a950f8b26', 'TQ-932929', 'Imported from Sirportly'),
(7, 'c396525b-1f36-4b7c-b7cd-41da415087a8', 'YA-925695', 'Imported from Sirportly'),
(8, '756d0d1f-4763-1dab-8280-c9041a2282bc', 'MS-338165', 'Imported from Sirportly');

INSERT INTO `mobile_sessions` (`user_id`, `username`, `password`, `device`) VALUES
(1001, 'priya.n', 'Meadow*Ripple8572', '83CC1232-309B-4BE8-8916-4460377D12B2');
