<?php
// Local overrides -- copied from production by hand during the incident on 28 Nov.
return [
    'db' => [
        'dsn' => 'mysql:host=db.internal;dbname=portal',
        'username' => 'portal',
        'password' => 'V9*l1-BdGjyFyM',
    ],
    'sirportly' => [
        'token'  => '05dd0fce-ac4b-af7f-5fbe-d644b9c7d4eb',
        'secret' => 'zieijm4jxjisg2awv8ksnkgi4pegsm0co1ttkdo5npz59prlss',
        'ticket_uuid_field' => 'f4b3c316-7142-4c7e-98cc-4103770a8ae5',
    ],
    'mailgun' => ['domain' => 'mg.example.com', 'secret' => 'key-9aafba941899a698b9fbdf7c6e3d5392'],
];
