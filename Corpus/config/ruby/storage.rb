Rails.application.configure do
  config.action_mailer.smtp_settings = {
    address: "smtp.sendgrid.net",
    user_name: "apikey",
    password: "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",
    authentication: :plain
  }
  config.filter_parameters += [:password, :token, :secret]
end
