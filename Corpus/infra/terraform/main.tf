terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region     = "eu-west-2"
  access_key = "AKIARL4TCI35C2T45JZP"
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
  password   = "zephyr-velvet-falcon-59"
}
