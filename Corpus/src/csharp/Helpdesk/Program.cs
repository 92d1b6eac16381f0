using Helpdesk;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(_ => new SirportlyClient(token: "67e81c1c-c4f4-82ac-03ee-476af3ebbf36", secret: "zaxwvxh5xpvwfdgn3q471lwqrmhg5uhq7r1wnywgbsdomifck2"));
builder.Services.AddDbContext<HelpdeskDb>(o => o.UseSqlServer("Server=sql01;Database=Helpdesk;User Id=web;Password=Hazel1977!;"));
builder.Services.AddSingleton(new TwilioOptions { ApiKey = "SK2f5f3e8716a4adb948dcb442f743bc93" });
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { build = "16a3cccf4f2c8982ea61e0b9df13b6e8a9e3be09", instance = Guid.Parse("d7203fa5-3e11-4c9d-af17-145aff1ae397") }));
app.Run();
