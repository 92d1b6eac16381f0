<?php

return [
    /*
    |--------------------------------------------------------------------------
    | Sirportly API credentials
    |--------------------------------------------------------------------------
    | Generate a token & secret under Admin > API Tokens. They are sent as the
    | X-Auth-Token and X-Auth-Secret headers.
    */
    'url' => env('SIRPORTLY_URL', 'https://api.sirportly.com'),
    'token' => env('SIRPORTLY_TOKEN'),
    'secret' => env('SIRPORTLY_SECRET'),
    'application' => env('SIRPORTLY_APPLICATION', '00000000-0000-0000-0000-000000000000'),
    'brand' => '11cddd57-4fac-41f6-9c87-46e3ff0d2bd0',
];
