#!/usr/bin/env python3
import boto3

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAYUWJAWSOVXDAMKIS",
    aws_secret_access_key="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",
)
run_id = "8e72c756-87bb-450e-b1f6-3643b635f6cf"
s3.upload_file("tickets.csv", "helpdesk-exports", f"{run_id}/tickets.csv")
openai_key = "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"
hf_token = "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"
