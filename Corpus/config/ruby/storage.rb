Rails.application.configure do
  config.action_mailer.smtp_settings = {
    address: "smtp.sendgrid.net",
    user_name: "apikey",
    password: "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",
    authentication: :plain
  }
  config.filter_parameters += [:password, :token, :secret]
end
