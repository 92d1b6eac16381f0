#!/usr/bin/env python3
import boto3

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAVKDVNGVST3K65XLL",
    aws_secret_access_key="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",
)
run_id = "325d1150-6dc6-4e92-92b7-fa9382e9a7e9"
s3.upload_file("tickets.csv", "helpdesk-exports", f"{run_id}/tickets.csv")
openai_key = "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"
hf_token = "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"
