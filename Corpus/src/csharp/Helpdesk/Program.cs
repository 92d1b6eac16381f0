using Helpdesk;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(_ => new SirportlyClient(token: "67e81c1c-c4f4-82ac-03ee-476af3ebbf36", secret: "zaxwvxh5xpvwfdgn3q471lwqrmhg5uhq7r1wnywgbsdomifck2"));
builder.Services.AddDbContext<HelpdeskDb>(o => o.UseSqlServer("Server=sql01;Database=Helpdesk;User Id=web;Password=Thunder%Marble8554;"));
builder.Services.AddSingleton(new TwilioOptions { ApiKey = "SK682875dbce9400e9946f9d3f2127bc6b" });
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { build = "79ed6178263660410f7f7c033c5182b4631d0720", instance = Guid.Parse("6c2aba4e-f69c-4b17-a0fe-13ceffcab7a8") }));
app.Run();
