#!/bin/sh
set -eu
export AWS_ACCESS_KEY_ID="AKIA7QKZZ33CPLNZBV4E"
export AWS_SECRET_ACCESS_KEY="097jbSFep7A5aSb9EyhChAQ9+zKmStnf1T3AGMY0"
aws s3 sync ./site s3://example-bucket --delete
