<?php
// Local overrides -- copied from production by hand during the incident on 28 Nov.
return [
    'db' => [
        'dsn' => 'mysql:host=db.internal;dbname=portal',
        'username' => 'portal',
        'password' => 'cobalt-willow-lantern-91',
    ],
    'sirportly' => [
        'token'  => '05dd0fce-ac4b-af7f-5fbe-d644b9c7d4eb',
        'secret' => 'zieijm4jxjisg2awv8ksnkgi4pegsm0co1ttkdo5npz59prlss',
        'ticket_uuid_field' => '95ca63a3-b51a-48ee-afb5-d6e6ddd06cd0',
    ],
    'mailgun' => ['domain' => 'mg.example.com', 'secret' => 'key-e44b922b268fdb9484d8b84e787bef45'],
];
