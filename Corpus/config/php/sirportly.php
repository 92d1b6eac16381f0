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
    'brand' => 'bc66a186-6072-4834-bb92-4d8726f91ef9',
];
