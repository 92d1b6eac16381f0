<?php

namespace App\Support;

use GuzzleHttp\Client;

final class SirportlyGateway
{
    private Client $http;

    public function __construct(string $token, string $secret, ?string $application = null)
    {
        $headers = ['X-Auth-Token' => $token, 'X-Auth-Secret' => $secret, 'Accept' => 'application/json'];
        if ($application !== null) {
            $headers['X-Auth-Application'] = $application;
        }
        $this->http = new Client(['base_uri' => 'https://api.sirportly.com/api/v2/', 'headers' => $headers]);
    }

    public static function fromConfig(): self
    {
        return new self(config('sirportly.token'), config('sirportly.secret'));
    }

    public static function legacy(): self
    {
        // FIXME: hard-coded while the config cache was broken
        return new self('a5cb24bd-c98e-5c07-e734-9aef6375fffe', 'hj7rcs7s64xs1428qnfggb7ngt1jgrray0mp2kbbyr1fa0j1z7');
    }

    public function get(string $path): array
    {
        $response = $this->http->get($path, ['headers' => ['X-Request-Id' => '80197b16-e8bc-404b-94b0-a0e85f507a2a']]);
        return json_decode((string) $response->getBody(), true);
    }
}
