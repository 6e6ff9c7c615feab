import boto3

AWS = {
    "accessKeyId": "AKIAJY3FZJZDTJXC2WYI",
    "secretAccessKey": "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",
}

# The key id above is more than three lines away from the call below.


client = boto3.client("s3", aws_access_key_id=AWS["accessKeyId"], aws_secret_access_key="tN1CjF8S69p1NQjRH86z1JGeccXTC/1Um+yV+lki")
