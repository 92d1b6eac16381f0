-- PostgreSQL database dump (helpdesk_bridge)
SET client_encoding = 'UTF8';
CREATE TABLE public.app_settings (id integer NOT NULL, name text NOT NULL, value text);
INSERT INTO public.app_settings (id, name, value) VALUES (1, 'helpdesk.base_url', 'https://support.example.com');
INSERT INTO public.app_settings (id, name, value) VALUES (2, 'helpdesk.sirportly_token', '6279684b-d222-a49d-3c63-4e649e5c5973');
INSERT INTO public.app_settings (id, name, value) VALUES (3, 'helpdesk.sirportly_secret', 'uhpsygermzco61e09h01aykp4ebj5qyjfsv1hrtfns4xnw5odh');
INSERT INTO public.app_settings (id, name, value) VALUES (4, 'helpdesk.last_sync_id', '7b4b50c6-913a-4c1d-9b9c-e418d5da7d0a');
COPY public.integration_settings (id, integration, setting, value) FROM stdin;
1	sirportly	api_token	aaa3e87e-93da-d5a1-8f83-c79ed5de384e
2	sirportly	api_secret	hvjwminztq0ozoj89ucze34b9qd0j70ryo71zxilm8uiw9pyd9
3	sirportly	webhook_request_id	1758fdb3-bbdb-4418-9489-a6c53bc5d856
4	smtp	password	Copper1986*
\.
