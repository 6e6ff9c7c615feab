provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAW24PBS7QALQCFOX4"
  secret_key = "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"
}
