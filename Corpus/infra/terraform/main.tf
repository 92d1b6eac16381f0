terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region     = "eu-west-2"
  access_key = "AKIATSWYG4LFTOCFVA7N"
  secret_key = "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"
}

variable "sirportly_secret" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "sirportly_token" {
  name  = "/helpdesk/sirportly/token"
  type  = "SecureString"
  value = "a5cb24bd-c98e-5c07-e734-9aef6375fffe"
}

resource "aws_ssm_parameter" "sirportly_secret" {
  name  = "/helpdesk/sirportly/secret"
  type  = "SecureString"
  value = var.sirportly_secret
}

resource "aws_db_instance" "helpdesk" {
  identifier = "helpdesk"
  username   = "helpdesk"
  password   = "Cactus!Walrus2658"
}
