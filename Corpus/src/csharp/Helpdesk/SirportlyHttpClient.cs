using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace Helpdesk;

public sealed class SirportlyHttpClient
{
    private readonly HttpClient _http;

    public SirportlyHttpClient(HttpClient http, string token, string secret)
    {
        _http = http;
        _http.BaseAddress = new Uri("https://api.sirportly.com/api/v2/");
        _http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        _http.DefaultRequestHeaders.Add("X-Auth-Secret", secret);
    }

    public static SirportlyHttpClient Legacy()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Auth-Token", "43485d8f-66e8-6991-f38a-b04811ccccc0");
        http.DefaultRequestHeaders.Add("X-Auth-Secret", "vtjgu2cyaoywze4246fpx6zfrtpwiw4bejd8wb3oiwrgk2wnxv");
        http.DefaultRequestHeaders.Add("X-Correlation-Id", "78780E1B-7B45-4C41-A0B4-80D893084A8B");
        return new SirportlyHttpClient(http, Environment.GetEnvironmentVariable("SIRPORTLY_TOKEN")!, Environment.GetEnvironmentVariable("SIRPORTLY_SECRET")!);
    }

    public Task<string> TicketsAsync() => _http.GetStringAsync("tickets/all");
}
