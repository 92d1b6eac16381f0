namespace :sirportly do
  desc "Import open tickets from Sirportly"
  task sync: :environment do
    client = Sirportly::Client.new(
      "67e81c1c-c4f4-82ac-03ee-476af3ebbf36",
      "zaxwvxh5xpvwfdgn3q471lwqrmhg5uhq7r1wnywgbsdomifck2"
    )
    client.tickets.each do |t|
      Ticket.upsert({ reference: t.reference, sirportly_id: t.id, uuid: SecureRandom.uuid }, unique_by: :reference)
    end
  end

  desc "Smoke-test the API with the documented example credentials (the fake server accepts them)"
  task smoke: :environment do
    Sirportly::Client.new("d3f269a9-932e-eeb0-05e7-14fdff8696b2", "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d").statuses
  end
end
